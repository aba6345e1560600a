package dev.tributary.store;

import java.util.List;

/**
 * Marks articles (by sequence number) read or unread and starred or not; unknown numbers are
 * ignored.
 *
 * @param read true: read, false: unread, null: unchanged
 * @param starred true: starred, false: not, null: unchanged
 */
public record StateChange(List<Long> seqs, Boolean read, Boolean starred) {
  public StateChange {
    seqs = List.copyOf(seqs);
  }
}
