package dev.tributary.http;

import static dev.tributary.http.PageLayout.esc;

import dev.tributary.article.Article;

/** One article on its own page: its sanitised body, topics, source and a link to the original. */
final class ArticlePage {
  private ArticlePage() {}

  static String render(SiteInfo site, Article a) {
    StringBuilder html = new StringBuilder(a.contentHtml().length() + 4096);
    PageLayout.open(html, site, a.title() + " · " + site.title(), "/feed");
    html.append("<main><article class=\"full\"><h1>").append(esc(a.title())).append("</h1>");
    PageLayout.appendMeta(html, a);
    PageLayout.appendChips(html, a.topics());
    // contentHtml was sanitised with a jsoup Safelist at ingest; it is the one unescaped part.
    html.append("<div class=\"body\">").append(a.contentHtml()).append("</div>");
    if (a.url() != null && a.url().matches("(?i)https?://\\S+")) {
      html.append("<p class=\"original\"><a rel=\"nofollow noopener\" href=\"")
          .append(esc(a.url()))
          .append("\">Read the original</a></p>");
    }
    html.append("</article><p class=\"back\"><a href=\"/\">← Newest articles</a></p></main>");
    PageLayout.close(html, "/feed", false);
    return html.toString();
  }
}
