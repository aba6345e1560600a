package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered feeds (in whatever form the server sends them) kept in memory until an article that
 * belongs in them is stored. Keys are the feed's scope: {@code "site"} or {@code "topic:<slug>"},
 * plus the format.
 *
 * <p>A render that started before an invalidation must not be cached after it: each scope has a
 * generation, and a render is only kept if the generation did not move meanwhile.
 */
public final class FeedCache<T> {
  private final Map<String, T> feeds = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  public static String siteScope() {
    return "site";
  }

  public static String topicScope(String slug) {
    return "topic:" + slug;
  }

  public long generation(String scope) {
    return generations.getOrDefault(scope, 0L);
  }

  public Optional<T> get(String scope, String format) {
    return Optional.ofNullable(feeds.get(scope + "." + format));
  }

  public void put(String scope, String format, long generationAtStart, T feed) {
    if (generation(scope) == generationAtStart) feeds.put(scope + "." + format, feed);
  }

  /** Drops the site feeds and the feeds of every topic the article carries. */
  public void invalidateFor(Article article) {
    invalidate(siteScope());
    for (ArticleTopic topic : article.topics()) invalidate(topicScope(topic.slug()));
  }

  /** Drops every feed: the taxonomy changed or stored articles were re-tagged. */
  public void invalidateAll() {
    java.util.Set<String> scopes = new java.util.HashSet<>(generations.keySet());
    for (String key : feeds.keySet()) scopes.add(key.substring(0, key.lastIndexOf('.')));
    scopes.forEach(this::invalidate);
  }

  private void invalidate(String scope) {
    generations.merge(scope, 1L, Long::sum);
    feeds.keySet().removeIf(key -> key.startsWith(scope + "."));
  }
}
