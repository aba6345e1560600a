package dev.tributary.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Marks read every unread article of the scope stored at or before {@code before}: what the reader
 * had seen when it asked, not what arrived since.
 */
public record MarkAllRead(ReaderScope scope, Instant before) {
  public MarkAllRead {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(before, "before");
  }
}
