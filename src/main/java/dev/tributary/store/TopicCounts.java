package dev.tributary.store;

import java.util.Map;

/** How many stored articles carry each topic slug. */
public record TopicCounts(Map<String, Integer> bySlug) {
  public TopicCounts {
    bySlug = Map.copyOf(bySlug);
  }

  public int of(String slug) {
    return bySlug.getOrDefault(slug, 0);
  }
}
