package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.HtmlText;
import dev.tributary.article.StoryCopy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What every page for people shares: the head with feed autodiscovery, the site header and footer,
 * and the pieces an article shows wherever it appears (meta line, topic chips).
 */
final class PageLayout {
  /**
   * Nothing loads from elsewhere; the only script is our own live.js, which needs {@code
   * connect-src 'self'} for the stream. No inline script or style, so injected markup cannot run.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private PageLayout() {}

  /** Opens the page up to the start of {@code <main>}. {@code feedBase} is e.g. "/feed". */
  static void open(StringBuilder html, SiteInfo site, String title, String feedBase) {
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"color-scheme\" content=\"light dark\">")
        .append("<title>")
        .append(esc(title))
        .append("</title>")
        .append(alternate("application/atom+xml", "Atom", feedBase + ".atom"))
        .append(alternate("application/rss+xml", "RSS", feedBase + ".rss"))
        .append(alternate("application/feed+json", "JSON Feed", feedBase + ".json"))
        .append("<link rel=\"stylesheet\" href=\"/static/style.css\">")
        .append("</head><body><header class=\"site\"><a class=\"brand\" href=\"/\">")
        .append(esc(site.title()))
        .append("</a></header>");
  }

  /** Closes the page, with links to the feeds it advertises and any scripts it runs. */
  static void close(StringBuilder html, String feedBase, boolean live) {
    html.append("<footer class=\"site\">Follow in a feed reader: ")
        .append(feedLink("Atom", feedBase + ".atom"))
        .append(" · ")
        .append(feedLink("RSS", feedBase + ".rss"))
        .append(" · ")
        .append(feedLink("JSON Feed", feedBase + ".json"))
        .append("</footer>");
    if (live) html.append("<script src=\"/static/live.js\" defer></script>");
    html.append("</body></html>");
  }

  static String feedBase(String topic) {
    return topic == null ? "/feed" : "/topics/" + topic + "/feed";
  }

  /** A page that only says what went wrong, e.g. an unknown article or topic. */
  static String message(SiteInfo site, String heading, String text) {
    StringBuilder html = new StringBuilder(2048);
    open(html, site, heading + " · " + site.title(), "/feed");
    html.append("<main><h1>")
        .append(esc(heading))
        .append("</h1><p>")
        .append(esc(text))
        .append("</p><p><a href=\"/\">Back to the newest articles</a></p></main>");
    close(html, "/feed", false);
    return html.toString();
  }

  /** "Source · date", plus the byline when there is one. */
  static void appendMeta(StringBuilder html, Article a) {
    html.append("<p class=\"meta\"><span class=\"source\">")
        .append(esc(a.source().title()))
        .append("</span> · ")
        .append(time(a.published()));
    if (a.author() != null && !a.author().isBlank()) {
      html.append(" · <span class=\"author\">").append(esc(a.author())).append("</span>");
    }
    appendAlsoIn(html, a);
    html.append("</p>");
  }

  /** " · also in A, B": the story's other copies, each linked to its page here. */
  private static void appendAlsoIn(StringBuilder html, Article a) {
    if (a.alsoIn().isEmpty()) return;
    html.append(" · <span class=\"also-in\">also in ");
    for (int i = 0; i < a.alsoIn().size(); i++) {
      StoryCopy copy = a.alsoIn().get(i);
      if (i > 0) html.append(", ");
      html.append("<a href=\"/articles/")
          .append(
              esc(java.net.URLEncoder.encode(copy.id(), java.nio.charset.StandardCharsets.UTF_8)))
          .append("\">")
          .append(esc(copy.source().title()))
          .append("</a>");
    }
    html.append("</span>");
  }

  static void appendChips(StringBuilder html, List<ArticleTopic> topics) {
    if (topics.isEmpty()) return;
    html.append("<p class=\"chips\">");
    for (ArticleTopic t : topics) {
      html.append("<a class=\"chip topic\" href=\"/?topic=")
          .append(esc(t.slug()))
          .append("\">")
          .append(esc(t.label()))
          .append("</a>");
    }
    html.append("</p>");
  }

  static String time(Instant when) {
    return "<time datetime=\"" + when + "\">" + DATE.format(when) + "</time>";
  }

  private static String alternate(String type, String name, String href) {
    return "<link rel=\"alternate\" type=\""
        + type
        + "\" title=\""
        + name
        + "\" href=\""
        + esc(href)
        + "\">";
  }

  private static String feedLink(String name, String href) {
    return "<a href=\"" + esc(href) + "\">" + name + "</a>";
  }

  static String esc(String text) {
    return HtmlText.escape(text);
  }
}
