package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.HtmlText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The small HTML page for people: newest articles with topic chips and a topic filter, with feed
 * autodiscovery links. Plain escaped strings, no scripts from elsewhere.
 */
final class HomePage {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private HomePage() {}

  static String render(SiteInfo site, String topic, List<Article> articles) {
    StringBuilder html = new StringBuilder(8192);
    String feedBase = topic == null ? "/feed" : "/topics/" + topic + "/feed";
    head(html, site.title(), feedBase);
    html.append("<header><h1>")
        .append(esc(site.title()))
        .append("</h1><nav>")
        .append("<a class=\"chip\" href=\"/\">All</a>");
    site.topics()
        .forEach(
            (slug, label) ->
                html.append("<a class=\"chip\" href=\"/?topic=")
                    .append(esc(slug))
                    .append("\">")
                    .append(esc(label))
                    .append("</a>"));
    html.append("</nav></header><main>");
    if (articles.isEmpty()) html.append("<p>No articles yet. Drop files into the inbox.</p>");
    for (Article a : articles) appendArticle(html, a);
    html.append("</main></body></html>");
    return html.toString();
  }

  private static void appendArticle(StringBuilder html, Article a) {
    html.append("<article><h2><a href=\"/articles/")
        .append(esc(a.id()))
        .append("\">")
        .append(esc(a.title()))
        .append("</a></h2><p class=\"meta\">")
        .append(esc(a.source().title()))
        .append(" · <time datetime=\"")
        .append(a.published())
        .append("\">")
        .append(DATE.format(a.published()))
        .append("</time></p><p>")
        .append(esc(a.summary()))
        .append("</p><p>");
    appendChips(html, a.topics());
    html.append("</p></article>");
  }

  private static void appendChips(StringBuilder html, List<ArticleTopic> topics) {
    for (ArticleTopic t : topics) {
      html.append("<a class=\"chip topic\" href=\"/?topic=")
          .append(esc(t.slug()))
          .append("\">")
          .append(esc(t.label()))
          .append("</a>");
    }
  }

  /** One article on its own page: its sanitised body, topics, and a link back. */
  static String renderArticle(SiteInfo site, Article a) {
    StringBuilder html = new StringBuilder(a.contentHtml().length() + 4096);
    head(html, a.title() + " · " + site.title(), "/feed");
    html.append("<header><p><a href=\"/\">← ")
        .append(esc(site.title()))
        .append("</a></p></header><main>");
    html.append("<article><h1>")
        .append(esc(a.title()))
        .append("</h1><p class=\"meta\">")
        .append(esc(a.source().title()))
        .append(" · ")
        .append(DATE.format(a.published()));
    if (a.author() != null) html.append(" · ").append(esc(a.author()));
    if (a.url() != null && a.url().matches("(?i)https?://.+")) {
      html.append(" · <a rel=\"nofollow noopener\" href=\"")
          .append(esc(a.url()))
          .append("\">original</a>");
    }
    html.append("</p><p>");
    appendChips(html, a.topics());
    // contentHtml was sanitised with a jsoup Safelist at ingest; it is the one unescaped part.
    html.append("</p>").append(a.contentHtml()).append("</article></main></body></html>");
    return html.toString();
  }

  private static void head(StringBuilder html, String title, String feedBase) {
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title>")
        .append(alternate("application/atom+xml", "Atom", feedBase + ".atom"))
        .append(alternate("application/rss+xml", "RSS", feedBase + ".rss"))
        .append(alternate("application/feed+json", "JSON Feed", feedBase + ".json"))
        .append(STYLE);
  }

  private static final String STYLE =
      "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:auto;"
          + "padding:1rem}article{border-bottom:1px solid #ddd;padding:.75rem 0}"
          + ".chip{display:inline-block;background:#eef;border-radius:1rem;padding:0 .6rem;"
          + "margin:.1rem;font-size:.85rem;text-decoration:none}.meta{color:#555;"
          + "font-size:.9rem}</style></head><body>";

  private static String alternate(String type, String name, String href) {
    return "<link rel=\"alternate\" type=\""
        + type
        + "\" title=\""
        + name
        + "\" href=\""
        + esc(href)
        + "\">";
  }

  static String esc(String text) {
    return HtmlText.escape(text);
  }
}
