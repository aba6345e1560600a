package dev.tributary.store;

import dev.tributary.article.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Every source the reader account can subscribe to: the inbox and the API, each subscribed feed,
 * and each other source that has articles (a name given to the API, a page's site), ordered by id.
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

  /**
   * The sources every store has, articles or not: the inbox and the API, by id. The reader APIs
   * list them from the start (docs/ARCHITECTURE.md, "Reader apps"), so an app has them before the
   * first article arrives.
   */
  public static java.util.TreeMap<String, Entry> builtIn() {
    java.util.TreeMap<String, Entry> byId = new java.util.TreeMap<>();
    for (SourceRef s : List.of(SourceRef.INBOX, SourceRef.API)) {
      byId.put(s.id(), Entry.ofArticles(s.id(), s.title(), null));
    }
    return byId;
  }

  /** Each entry with its topics from {@code bySource} (source id → slugs), in place. */
  public static void addTopics(
      java.util.Map<String, Entry> byId, java.util.Map<String, Set<String>> bySource) {
    byId.replaceAll((id, e) -> e.withTopics(bySource.getOrDefault(id, Set.of())));
  }
}
