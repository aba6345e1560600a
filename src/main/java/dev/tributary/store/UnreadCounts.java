package dev.tributary.store;

import java.time.Instant;
import java.util.List;

/** How many articles are unread, per source, per topic and in all, with the newest's time. */
public record UnreadCounts(List<Count> bySource, List<Count> byTopic, Count total) {
  public UnreadCounts {
    bySource = List.copyOf(bySource);
    byTopic = List.copyOf(byTopic);
  }

  /**
   * @param key a source id or a topic slug (null for the total)
   * @param newest when the newest unread article was stored, or null when there is none
   */
  public record Count(String key, long count, Instant newest) {}
}
