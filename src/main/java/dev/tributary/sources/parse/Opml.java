package dev.tributary.sources.parse;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Subscription lists in OPML 1.0 and 2.0: read with the same secure XML settings as feeds (no
 * DOCTYPE declarations, no external entities), nested folders flattened; written as OPML 2.0.
 */
public final class Opml {

  private Opml() {}

  /** Every outline with an {@code xmlUrl}, in document order, each feed URL once. */
  public static List<OpmlOutline> parse(byte[] body) throws FeedParseException {
    if (body == null || isBlank(body)) {
      throw new FeedParseException(
          FeedParseException.Reason.EMPTY, "The OPML file is empty; export it again.");
    }
    String xml = XmlCleaner.clean(BodyCharset.decodeXml(body, null));
    Document document = SecureXml.parse(new StringReader(xml));
    Element root = document.getRootElement();
    if (!root.getName().equalsIgnoreCase("opml")) {
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "The file is XML but not OPML (its root element is <"
              + root.getQualifiedName()
              + ">); export the subscription list from your reader as OPML.");
    }
    Map<String, OpmlOutline> outlines = new LinkedHashMap<>();
    for (Element section : root.getChildren()) {
      if (section.getName().equalsIgnoreCase("body")) {
        collect(section, outlines);
      }
    }
    return List.copyOf(outlines.values());
  }

  private static void collect(Element parent, Map<String, OpmlOutline> into) {
    for (Element outline : parent.getChildren()) {
      if (!outline.getName().equalsIgnoreCase("outline")) {
        continue;
      }
      String xmlUrl = attribute(outline, "xmlUrl");
      if (xmlUrl != null) {
        String title = attribute(outline, "title");
        into.putIfAbsent(
            xmlUrl,
            new OpmlOutline(
                title != null ? title : attribute(outline, "text"),
                xmlUrl,
                attribute(outline, "htmlUrl")));
      }
      collect(outline, into);
    }
  }

  /** OPML attribute names are case-insensitive in practice ({@code xmlurl}, {@code XMLURL}). */
  private static String attribute(Element element, String name) {
    for (Attribute attribute : element.getAttributes()) {
      if (attribute.getName().equalsIgnoreCase(name) && !attribute.getValue().isBlank()) {
        return attribute.getValue().strip();
      }
    }
    return null;
  }

  /** An OPML 2.0 document listing the subscriptions, flat, each as {@code type="rss"}. */
  public static String write(String title, List<OpmlOutline> outlines) {
    StringBuilder out = new StringBuilder(256 + outlines.size() * 160);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<opml version=\"2.0\">\n")
        .append("  <head>\n")
        .append("    <title>")
        .append(escape(title == null ? "" : title))
        .append("</title>\n")
        .append("    <dateCreated>")
        .append(
            DateTimeFormatter.RFC_1123_DATE_TIME
                .withLocale(Locale.ENGLISH)
                .format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("</dateCreated>\n")
        .append("  </head>\n")
        .append("  <body>\n");
    for (OpmlOutline outline : outlines) {
      String text = outline.title() == null ? outline.xmlUrl() : outline.title();
      out.append("    <outline type=\"rss\" text=\"")
          .append(escape(text))
          .append("\" title=\"")
          .append(escape(text))
          .append("\" xmlUrl=\"")
          .append(escape(outline.xmlUrl()))
          .append('"');
      if (outline.htmlUrl() != null) {
        out.append(" htmlUrl=\"").append(escape(outline.htmlUrl())).append('"');
      }
      out.append("/>\n");
    }
    return out.append("  </body>\n</opml>\n").toString();
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** Escapes for both text and double-quoted attributes; drops characters XML cannot carry. */
  private static String escape(String s) {
    return XmlCleaner.withoutInvalidCharacters(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;");
  }
}
