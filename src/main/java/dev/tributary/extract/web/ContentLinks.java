package dev.tributary.extract.web;

import org.jsoup.nodes.Element;

/**
 * Makes every link and media URL in a page absolute against the page's base, so the content still
 * works when it is served from our address; lazy-loaded images get their real source first.
 */
public final class ContentLinks {
  private ContentLinks() {}

  private static final String[][] URL_ATTRIBUTES = {
    {"a", "href"}, {"img", "src"}, {"video", "src"}, {"video", "poster"}, {"audio", "src"},
    {"source", "src"}, {"blockquote", "cite"}, {"q", "cite"}, {"del", "cite"}, {"ins", "cite"}
  };

  private static final String[] LAZY_SOURCES = {"data-src", "data-original", "data-lazy-src"};

  /**
   * An HTML fragment (a feed entry's content) with its links and media made absolute against {@code
   * baseUrl}, before the sanitiser would otherwise drop them as relative.
   */
  public static String absolute(String html, String baseUrl) {
    if (html == null || baseUrl == null || baseUrl.isBlank()) return html;
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html, baseUrl);
    makeAbsolute(doc.body());
    return doc.body().html();
  }

  /** Rewrites {@code root}'s descendants in place; {@code root} must still know its base URI. */
  static void makeAbsolute(Element root) {
    for (Element image : root.select("img")) useLazySource(image);
    for (String[] elementAndAttribute : URL_ATTRIBUTES) {
      String attribute = elementAndAttribute[1];
      for (Element element : root.select(elementAndAttribute[0] + "[" + attribute + "]")) {
        String absolute = element.absUrl(attribute);
        // an unresolvable URL is dropped rather than left relative to whoever serves it next
        if (absolute.isEmpty()) element.removeAttr(attribute);
        else element.attr(attribute, absolute);
      }
    }
  }

  private static void useLazySource(Element image) {
    String src = image.attr("src");
    if (!src.isBlank() && !src.startsWith("data:")) return;
    for (String lazy : LAZY_SOURCES) {
      if (Texts.hasText(image.attr(lazy))) {
        image.attr("src", image.attr(lazy).strip());
        return;
      }
    }
  }
}
