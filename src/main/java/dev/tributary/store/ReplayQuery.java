package dev.tributary.store;

import java.util.List;

/**
 * Articles stored after a sequence number, oldest first: what a reconnecting stream client missed.
 *
 * @param topics topic slugs, any of which must match; empty for all
 */
public record ReplayQuery(long afterSeq, List<String> topics, int limit) {
  public ReplayQuery {
    topics = List.copyOf(topics);
  }
}
