package dev.tributary.sources;

import java.time.Instant;
import java.util.List;

/**
 * Sources whose next poll is at or before {@code now}, soonest first, skipping dead ones and those
 * already being polled.
 */
public record DueQuery(Instant now, List<String> excludeIds, int limit) {
  public DueQuery {
    excludeIds = List.copyOf(excludeIds);
  }
}
