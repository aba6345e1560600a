package dev.tributary.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tributary.store.TimelineQuery;
import java.util.Optional;

/**
 * Encoded timeline responses keyed by the parsed query (so spelling, parameter order and anything
 * the API does not know cannot make new entries), bounded by bytes ({@code
 * http.timelineCacheBytes}): Caffeine weighs each entry by its identity and gzip bodies plus a
 * fixed allowance for key and bookkeeping, and drops the least valuable past the bound. All are
 * dropped when an article is stored. Used from one event loop; eviction runs on the caller's thread
 * ({@code executor(Runnable::run)}), so no other thread ever touches it.
 */
final class TimelineCache {
  /** Key, ETags, map node and response object: a generous flat allowance per entry. */
  static final int ENTRY_OVERHEAD_BYTES = 512;

  private final Cache<TimelineQuery, CachedResponse> entries;
  private long generation;

  TimelineCache(long maxBytes) {
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((TimelineQuery query, CachedResponse response) -> weight(query, response))
            .executor(Runnable::run)
            .build();
  }

  static int weight(TimelineQuery query, CachedResponse response) {
    long bytes =
        (long) response.identity().length()
            + response.gzip().length()
            + ENTRY_OVERHEAD_BYTES
            + (query.text() == null ? 0 : 2L * query.text().length())
            + query.topics().stream().mapToLong(t -> 2L * t.length() + 16).sum();
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }

  long generation() {
    return generation;
  }

  Optional<CachedResponse> get(TimelineQuery key) {
    return Optional.ofNullable(entries.getIfPresent(key));
  }

  void put(TimelineQuery key, long generationAtStart, CachedResponse response) {
    if (generation == generationAtStart) entries.put(key, response);
  }

  void clear() {
    generation++;
    entries.invalidateAll();
  }

  /** The weighed size of what is held now, in bytes. */
  long weightedBytes() {
    entries.cleanUp();
    return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  long entryCount() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
