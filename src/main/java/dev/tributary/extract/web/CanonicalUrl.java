package dev.tributary.extract.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The address the page calls its own: {@code <link rel=canonical>}, og:url, else where it was. */
final class CanonicalUrl {
  private CanonicalUrl() {}

  static String of(Document document, MetaTags meta, String pageUrl) {
    String base = Texts.hasText(document.baseUri()) ? document.baseUri() : pageUrl;
    Element link = document.selectFirst("link[rel~=(?i)^canonical$][href]");
    String canonical =
        Texts.firstWithText(
            link == null ? null : PageUrls.absoluteHttp(base, link.attr("href")),
            PageUrls.absoluteHttp(base, meta.first("og:url")));
    return canonical != null ? canonical : pageUrl;
  }
}
