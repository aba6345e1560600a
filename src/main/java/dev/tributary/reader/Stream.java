package dev.tributary.reader;

import dev.tributary.store.ReaderScope;

/**
 * A Google Reader stream as the store reads it: which articles (a scope), and which of them by
 * state. An empty stream holds nothing whatever is stored: a state Tributary does not keep
 * (broadcast, like), a label no topic has, or filters that contradict each other.
 *
 * @param id the stream id as the client should see it
 * @param read only read articles (true), only unread (false), or both (null)
 * @param starred only starred articles (true), only the others (false), or both (null)
 */
public record Stream(String id, ReaderScope scope, Boolean read, Boolean starred, boolean empty) {

  /** This stream without the items in another ({@code xt}): read, starred or kept-unread. */
  Stream excluding(String state) {
    return switch (state) {
      case Streams.READ -> withRead(false);
      case Streams.KEPT_UNREAD -> withRead(true);
      case Streams.STARRED -> withStarred(false);
      default -> this;
    };
  }

  /** This stream with only the items also in another ({@code it}). */
  Stream including(String state) {
    return switch (state) {
      case Streams.READ -> withRead(true);
      case Streams.KEPT_UNREAD -> withRead(false);
      case Streams.STARRED -> withStarred(true);
      default -> this;
    };
  }

  private Stream withRead(boolean value) {
    if (read != null && read != value) return new Stream(id, scope, read, starred, true);
    return new Stream(id, scope, value, starred, empty);
  }

  private Stream withStarred(boolean value) {
    if (starred != null && starred != value) return new Stream(id, scope, read, starred, true);
    return new Stream(id, scope, read, value, empty);
  }
}
