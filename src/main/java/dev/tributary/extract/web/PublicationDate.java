package dev.tributary.extract.web;

import dev.tributary.extract.DateText;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * When the page was first published: article:published_time, the JSON-LD datePublished, a {@code
 * <time datetime>} in the article, then the Dublin Core and plain date metas. The first value that
 * parses wins, so a garbled meta does not hide a good {@code <time>}.
 */
final class PublicationDate {
  private PublicationDate() {}

  static Instant of(Document document, MetaTags meta, JsonLd jsonLd) {
    String[] candidates = {
      meta.first("article:published_time", "og:article:published_time"),
      jsonLd.datePublished(),
      meta.first("datePublished"),
      timeIn(document, "[itemprop~=^datePublished$]"),
      timeIn(document, "article time[datetime], main time[datetime], time[pubdate]"),
      meta.first("date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created"),
      meta.first("pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date")
    };
    for (String candidate : candidates) {
      Instant published = DateText.parse(candidate);
      if (published != null) return published;
    }
    return null;
  }

  private static String timeIn(Document document, String selector) {
    Element element = document.selectFirst(selector);
    if (element == null) return null;
    for (String attribute : new String[] {"datetime", "content"}) {
      if (element.hasAttr(attribute)) return element.attr(attribute);
    }
    return element.text();
  }
}
