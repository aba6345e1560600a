package dev.tributary.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Every source the reader account can subscribe to: each subscribed feed and each source that has
 * articles (the inbox, the API, a page's site), ordered by id.
 */
public record ReaderSources(List<Entry> items) {
  public ReaderSources {
    items = List.copyOf(items);
  }

  /**
   * @param title the feed's title, else the newest article's source title, else the id
   * @param feedUrl the subscribed feed's URL, or null for the inbox, the API and pages
   * @param siteUrl the feed's site, or null
   * @param newest when its newest article was stored, or null when it has none
   * @param topics the topics its articles carry (asked for separately: it reads every article's)
   */
  public record Entry(
      String id, String title, String feedUrl, String siteUrl, Instant newest, Set<String> topics) {
    public Entry {
      topics = Set.copyOf(topics);
    }

    /** A source known only by its articles: the newest one's source title and time. */
    public static Entry ofArticles(String id, String title, Instant newest) {
      return new Entry(id, title, null, null, newest, Set.of());
    }

    public Entry withNewest(Instant when) {
      return new Entry(id, title, feedUrl, siteUrl, when, topics);
    }

    public Entry withTopics(Set<String> slugs) {
      return new Entry(id, title, feedUrl, siteUrl, newest, slugs);
    }
  }

  /** Each entry with its topics from {@code bySource} (source id → slugs), in place. */
  public static void addTopics(
      java.util.Map<String, Entry> byId, java.util.Map<String, Set<String>> bySource) {
    byId.replaceAll((id, e) -> e.withTopics(bySource.getOrDefault(id, Set.of())));
  }
}
