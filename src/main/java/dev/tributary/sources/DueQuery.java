package dev.tributary.sources;

import java.time.Instant;
import java.util.List;

/**
 * A claim on the sources whose next poll is at or before {@code now}, soonest first, skipping dead
 * ones, those this instance is polling already ({@code excludeIds}) and those another instance
 * holds a lease on. Each source answered is leased to {@code claimant} until {@code leaseUntil}, so
 * instances sharing a store poll each source once (docs/ARCHITECTURE.md, "Polling split").
 */
public record DueQuery(
    Instant now, List<String> excludeIds, int limit, String claimant, Instant leaseUntil) {
  public DueQuery {
    excludeIds = List.copyOf(excludeIds);
  }
}
