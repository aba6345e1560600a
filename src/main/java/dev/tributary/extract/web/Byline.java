package dev.tributary.extract.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Who wrote the page: meta author, article:author, the JSON-LD author, a {@code rel=author} link,
 * then a byline element ({@code .byline}, {@code [itemprop=author]}).
 */
final class Byline {
  private Byline() {}

  /** Longer than this, a "byline" is a paragraph that happens to sit in a byline box. */
  private static final int LONGEST_NAME = 120;

  static String of(Document document, MetaTags meta, JsonLd jsonLd) {
    return Texts.firstWithText(
        name(meta.first("author")),
        name(meta.first("article:author")),
        name(jsonLd.author()),
        name(
            text(
                document.selectFirst(
                    "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b][title]"))),
        name(text(document.selectFirst("[itemprop~=^author$], .byline"))));
  }

  private static String text(Element element) {
    if (element == null) return null;
    if (element.hasAttr("content")) return element.attr("content");
    if (element.normalName().equals("link")) return element.attr("title");
    Element name = element.selectFirst("[itemprop~=^name$]");
    return (name != null ? name : element).text();
  }

  /** A person's name from a byline: "By Jane Doe" is Jane Doe; a profile URL is no name. */
  private static String name(String byline) {
    String name = Texts.squash(byline);
    if (name == null || name.matches("(?i)^https?://\\S*$")) return null;
    name = name.replaceFirst("(?i)^(written\\s+)?by\\s*:?\\s+", "").strip();
    return name.isEmpty() || name.length() > LONGEST_NAME ? null : name;
  }
}
