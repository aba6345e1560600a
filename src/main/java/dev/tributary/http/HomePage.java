package dev.tributary.http;

import static dev.tributary.http.PageLayout.esc;

import dev.tributary.article.Article;
import dev.tributary.store.Cursor;
import dev.tributary.store.TopicCounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The list page: one page of articles, newest first, optionally in one topic, with chips for every
 * topic and a link to older articles. The first page also carries the live stream's address.
 */
final class HomePage {
  /**
   * @param topic the selected topic's slug, or null for all
   * @param cursor where this page starts, or null for the newest
   * @param next where the following page starts, or null when this is the last
   */
  record View(
      String topic, Cursor cursor, List<Article> articles, Cursor next, TopicCounts counts) {}

  private HomePage() {}

  static String render(SiteInfo site, View view) {
    StringBuilder html = new StringBuilder(16384);
    String label = view.topic() == null ? null : site.topics().get(view.topic());
    String title = label == null ? site.title() : label + " · " + site.title();
    String feedBase = PageLayout.feedBase(view.topic());
    PageLayout.open(html, site, title, feedBase);
    appendTopics(html, site, view);
    html.append("<main><h1>").append(esc(heading(label, view.cursor()))).append("</h1>");
    boolean live = view.cursor() == null;
    if (live) {
      html.append("<button type=\"button\" id=\"live-notice\" class=\"live-notice\" hidden>")
          .append("</button>");
    }
    html.append("<div id=\"articles\" class=\"articles\"");
    if (live) appendStreamAttributes(html, view.topic());
    html.append('>');
    if (view.articles().isEmpty())
      html.append("<p class=\"empty\">").append(empty(view)).append("</p>");
    for (Article a : view.articles()) appendArticle(html, a);
    html.append("</div>");
    appendPager(html, view);
    html.append("</main>");
    PageLayout.close(html, feedBase, live);
    return html.toString();
  }

  private static String heading(String label, Cursor cursor) {
    String what = label == null ? "articles" : "articles about " + label;
    return (cursor == null ? "Newest " : "Older ") + what;
  }

  private static String empty(View view) {
    if (view.cursor() != null) return "No older articles.";
    if (view.topic() != null) return "No articles about this topic yet.";
    return "No articles yet. Drop files into the inbox or POST them to /api/articles.";
  }

  private static void appendStreamAttributes(StringBuilder html, String topic) {
    String stream = topic == null ? "/api/stream" : "/api/stream?topic=" + urlPart(topic);
    html.append(" data-stream=\"").append(esc(stream)).append('"');
    if (topic != null) html.append(" data-topic=\"").append(esc(topic)).append('"');
  }

  private static void appendTopics(StringBuilder html, SiteInfo site, View view) {
    html.append("<nav class=\"topics\" aria-label=\"Topics\">");
    chip(html, "/", "All", null, view.topic() == null, null);
    for (Map.Entry<String, String> t : site.topics().entrySet()) {
      String slug = t.getKey();
      String href = "/?topic=" + urlPart(slug);
      chip(html, href, t.getValue(), slug, slug.equals(view.topic()), view.counts().of(slug));
    }
    html.append("</nav>");
  }

  private static void chip(
      StringBuilder html, String href, String label, String slug, boolean current, Integer count) {
    html.append("<a class=\"chip");
    if (count != null && count == 0) html.append(" none");
    html.append("\" href=\"").append(esc(href)).append('"');
    if (slug != null) html.append(" data-topic=\"").append(esc(slug)).append('"');
    if (current) html.append(" aria-current=\"page\"");
    html.append('>').append(esc(label));
    if (count != null) html.append(" <span class=\"count\">").append(count).append("</span>");
    html.append("</a>");
  }

  private static void appendArticle(StringBuilder html, Article a) {
    html.append("<article class=\"card\" data-id=\"")
        .append(esc(a.id()))
        .append("\"><h2><a href=\"/articles/")
        .append(esc(urlPart(a.id())))
        .append("\">")
        .append(esc(a.title()))
        .append("</a></h2>");
    PageLayout.appendMeta(html, a);
    if (a.summary() != null && !a.summary().isBlank()) {
      html.append("<p class=\"summary\">").append(esc(a.summary())).append("</p>");
    }
    PageLayout.appendChips(html, a.topics());
    html.append("</article>");
  }

  private static void appendPager(StringBuilder html, View view) {
    if (view.next() == null && view.cursor() == null) return;
    html.append("<nav class=\"pager\" aria-label=\"Pages\">");
    if (view.cursor() != null) {
      String newest = view.topic() == null ? "/" : "/?topic=" + urlPart(view.topic());
      html.append("<a href=\"").append(esc(newest)).append("\">Newest articles</a>");
    }
    if (view.next() != null) {
      String older = "/?cursor=" + view.next().encode();
      if (view.topic() != null) older += "&topic=" + urlPart(view.topic());
      html.append("<a rel=\"next\" href=\"").append(esc(older)).append("\">Older articles</a>");
    }
    html.append("</nav>");
  }

  private static String urlPart(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
