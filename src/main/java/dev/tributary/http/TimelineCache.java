package dev.tributary.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Encoded timeline responses by query string, least recently used dropped past a bound, all dropped
 * when an article is stored. Used from one event loop only.
 */
final class TimelineCache {
  private static final int MAX_ENTRIES = 512;

  private final Map<String, CachedResponse> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedResponse> eldest) {
          return size() > MAX_ENTRIES;
        }
      };
  private long generation;

  long generation() {
    return generation;
  }

  Optional<CachedResponse> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  void put(String key, long generationAtStart, CachedResponse response) {
    if (generation == generationAtStart) entries.put(key, response);
  }

  void clear() {
    generation++;
    entries.clear();
  }
}
