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
 * @param page the cursor this document starts after, or null for the subscription document (the
 *     newest entries); a document with a page is an RFC 5005 archive document
 * @param olderPage the cursor of the next older document, or null when there is none
 * @param newerPage on an archive document, the cursor of the next newer archive document, or null
 *     when the next newer document is the subscription document
 * @param streamUrl for a reader stream's Atom (docs/ARCHITECTURE.md, "Reader apps"), the document's
 *     own URL: it has no RSS or JSON Feed sibling and no pages; null for the public feeds
 */
public record FeedSpec(
    String title,
    String subtitle,
    String publicUrl,
    String path,
    String idKey,
    Instant updated,
    String page,
    String olderPage,
    String newerPage,
    String streamUrl) {

  /** The subscription document (newest entries), with no older pages known. */
  public FeedSpec(
      String title, String subtitle, String publicUrl, String path, String idKey, Instant updated) {
    this(title, subtitle, publicUrl, path, idKey, updated, null, null, null, null);
  }

  /**
   * The same feed as the page that starts after {@code page}, with {@code olderPage} below it and
   * {@code newerPage} above it (null: the subscription document).
   */
  public FeedSpec paged(String page, String olderPage, String newerPage) {
    return new FeedSpec(
        title, subtitle, publicUrl, path, idKey, updated, page, olderPage, newerPage, null);
  }

  /** A reader stream as Atom, at {@code url}, its id derived from {@code idKey}. */
  public static FeedSpec stream(
      String title, String publicUrl, String url, String idKey, Instant updated) {
    return new FeedSpec(
        title, "", publicUrl, "/reader/atom", idKey, updated, null, null, null, url);
  }

  public boolean isStream() {
    return streamUrl != null;
  }

  /** RFC 5005 §4: a page other than the subscription document is an archive document. */
  public boolean isArchive() {
    return page != null;
  }

  /** This document's own URL in the given format (with {@code ?before=} on archive pages). */
  public String selfUrl(FeedFormat format) {
    return page == null ? feedUrl(format) : pageUrl(format, page);
  }

  /**
   * On an archive document, the next newer document in the given format: the newer archive page, or
   * the subscription document above the newest archive page.
   */
  public String newerUrl(FeedFormat format) {
    return newerPage == null ? feedUrl(format) : pageUrl(format, newerPage);
  }

  /** The next older document in the given format, or null. */
  public String olderUrl(FeedFormat format) {
    return olderPage == null ? null : pageUrl(format, olderPage);
  }

  private String pageUrl(FeedFormat format, String cursor) {
    return feedUrl(format)
        + "?before="
        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A fixed time for feeds without articles, so an empty feed renders identically every time; after
   * 1990, before which validators call a date implausible (the epoch was).
   */
  public static final Instant EMPTY_FEED_UPDATED = Instant.parse("2000-01-01T00:00:00Z");

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
