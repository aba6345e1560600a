package dev.tributary.publish;

import dev.tributary.article.Article;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a feed is, independent of its format: the renderer appends {@code .atom}, {@code .rss} or
 * {@code .json} to {@link #path()}.
 *
 * @param publicUrl where Tributary is reachable, e.g. {@code http://localhost:8080}
 * @param path {@code /feed} or {@code /topics/ketamine/feed}
 * @param idKey {@code feed} or {@code topic:ketamine}; the stable feed id is derived from it
 * @param updated the newest article's ingested time, or {@link #EMPTY_FEED_UPDATED}
 */
public record FeedSpec(
    String title, String subtitle, String publicUrl, String path, String idKey, Instant updated) {

  /** A fixed time for feeds without articles, so an empty feed renders identically every time. */
  public static final Instant EMPTY_FEED_UPDATED = Instant.EPOCH;

  public FeedSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(idKey, "idKey");
    Objects.requireNonNull(updated, "updated");
    subtitle = subtitle == null ? "" : subtitle;
    publicUrl = withoutTrailingSlash(publicUrl);
  }

  /** The feed of all topics, at {@code /feed.*}. */
  public static FeedSpec site(
      String title, String subtitle, String publicUrl, List<Article> articles) {
    return new FeedSpec(title, subtitle, publicUrl, "/feed", "feed", newestIngested(articles));
  }

  /** The feed of one topic, at {@code /topics/{slug}/feed.*}. */
  public static FeedSpec topic(
      String slug, String label, String siteTitle, String publicUrl, List<Article> articles) {
    return new FeedSpec(
        siteTitle + " – " + label,
        "Articles about " + label,
        publicUrl,
        "/topics/" + slug + "/feed",
        "topic:" + slug,
        newestIngested(articles));
  }

  public static Instant newestIngested(List<Article> articles) {
    return articles.stream()
        .map(Article::ingested)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(EMPTY_FEED_UPDATED);
  }

  public String feedUrl(FeedFormat format) {
    return publicUrl + path + "." + format.extension();
  }

  public String homePageUrl() {
    return publicUrl + "/";
  }

  public String feedId() {
    return FeedIds.feedId(idKey);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
