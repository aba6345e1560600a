package dev.tributary.sources.parse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds a web page advertises with {@code <link rel="alternate" type="...">}, so
 * subscribing a site's home page subscribes its feed. Order is the page's; duplicates dropped.
 */
public final class FeedDiscovery {

  private static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/feed+json",
          "application/json",
          "application/rdf+xml");

  private FeedDiscovery() {}

  /** Absolute feed URLs, resolved against {@code <base href>} or {@code pageUrl}. */
  public static List<String> discover(String html, String pageUrl) {
    if (html == null || html.isBlank()) {
      return List.of();
    }
    Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
    Set<String> feeds = new LinkedHashSet<>();
    for (Element link : page.select("link[rel][type][href]")) {
      if (isAlternate(link) && isFeedType(link) && isAbsoluteHttp(link.absUrl("href"))) {
        feeds.add(link.absUrl("href"));
      }
    }
    return List.copyOf(feeds);
  }

  private static boolean isAlternate(Element link) {
    for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
      if (rel.equals("alternate")) {
        return true;
      }
    }
    return false;
  }

  /** {@code application/json} counts only when the title says it is a feed, as sites do. */
  private static boolean isFeedType(Element link) {
    String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String mediaType = semicolon < 0 ? type : type.substring(0, semicolon).strip();
    if (mediaType.equals("application/json")) {
      return link.attr("title").toLowerCase(Locale.ROOT).contains("feed");
    }
    return FEED_TYPES.contains(mediaType);
  }

  private static boolean isAbsoluteHttp(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
