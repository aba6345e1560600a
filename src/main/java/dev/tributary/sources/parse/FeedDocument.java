package dev.tributary.sources.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What Tributary reads from a feed's XML tree itself rather than through ROME: {@code xml:base}
 * chains, hub and self links, polling hints, raw GUIDs and dates, and which element each entry came
 * from.
 */
final class FeedDocument {

  private static final String SY = "http://purl.org/rss/1.0/modules/syndication/";
  private static final Namespace RDF =
      Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  private static final List<String> DATE_ELEMENTS =
      List.of("published", "pubDate", "date", "issued", "created", "updated", "modified");

  private final Element root;
  private final Element channel;
  private final String feedUrl;

  FeedDocument(Document document, String feedUrl) {
    this.root = document.getRootElement();
    this.feedUrl = feedUrl;
    Element found = childNamed(root, "channel");
    this.channel = found != null ? found : root;
  }

  /** The entry elements in document order: RSS {@code item}s or Atom {@code entry}s. */
  List<Element> entryElements() {
    List<Element> entries = new ArrayList<>();
    for (Element parent : channel == root ? List.of(root) : List.of(channel, root)) {
      for (Element child : parent.getChildren()) {
        String name = child.getName();
        if (name.equals("item") || name.equals("entry")) {
          entries.add(child);
        }
      }
    }
    return entries;
  }

  /** The base URI in force at an element: the feed URL, refined by every {@code xml:base}. */
  String baseOf(Element element) {
    List<Element> chain = new ArrayList<>();
    for (Element e = element; e != null; e = e.getParentElement()) {
      chain.add(0, e);
    }
    String base = feedUrl;
    for (Element e : chain) {
      String xmlBase = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
      if (xmlBase != null && !xmlBase.isBlank()) {
        base = Urls.resolve(base, xmlBase);
      }
    }
    return base;
  }

  String feedBase() {
    return baseOf(channel);
  }

  /** The base against which an entry's link resolves, counting an {@code xml:base} on the link. */
  String linkBase(Element entry) {
    for (Element child : entry.getChildren()) {
      String rel = child.getAttributeValue("rel");
      if (child.getName().equals("link") && (rel == null || rel.equals("alternate"))) {
        return baseOf(child);
      }
    }
    return baseOf(entry);
  }

  String linkWithRel(String rel) {
    for (Element parent : channel == root ? List.of(root) : List.of(channel, root)) {
      for (Element child : parent.getChildren()) {
        if (child.getName().equals("link") && rel.equals(lower(child.getAttributeValue("rel")))) {
          String href = child.getAttributeValue("href");
          if (href != null && !href.isBlank()) {
            return Urls.resolve(baseOf(child), href);
          }
        }
      }
    }
    return null;
  }

  /** RSS {@code ttl} (minutes), else {@code sy:updatePeriod} / {@code sy:updateFrequency}. */
  Integer ttlSeconds() {
    Integer ttl = positive(text(childNamed(channel, "ttl")));
    if (ttl != null) {
      return ttl > Integer.MAX_VALUE / 60 ? null : ttl * 60;
    }
    String period = text(childIn(SY, "updatePeriod"));
    if (period == null) {
      return null;
    }
    long periodSeconds =
        switch (period.strip().toLowerCase(Locale.ROOT)) {
          case "hourly" -> 3_600L;
          case "daily" -> 86_400L;
          case "weekly" -> 604_800L;
          case "monthly" -> 2_592_000L;
          case "yearly" -> 31_536_000L;
          default -> 0L;
        };
    Integer frequency = positive(text(childIn(SY, "updateFrequency")));
    long seconds = periodSeconds / (frequency == null ? 1 : frequency);
    return seconds > 0 ? (int) seconds : null;
  }

  /** The GUID as written: RSS {@code guid}, Atom {@code id}, RSS 1.0 {@code rdf:about}. */
  static String rawGuid(Element entry) {
    String guid = text(childNamed(entry, "guid"));
    if (guid == null) {
      guid = text(childNamed(entry, "id"));
    }
    if (guid == null) {
      guid = entry.getAttributeValue("about", RDF);
    }
    return guid == null || guid.isBlank() ? null : guid.strip();
  }

  /** The first date-like child's text, for when ROME could not read it. */
  static String rawDate(Element entry) {
    for (String name : DATE_ELEMENTS) {
      String text = text(childNamed(entry, name));
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  private Element childIn(String namespaceUri, String name) {
    for (Element parent : List.of(channel, root)) {
      Element child = parent.getChild(name, Namespace.getNamespace(namespaceUri));
      if (child != null) {
        return child;
      }
    }
    return null;
  }

  private static Element childNamed(Element parent, String localName) {
    for (Element child : parent.getChildren()) {
      if (child.getName().equals(localName)) {
        return child;
      }
    }
    return null;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextNormalize();
  }

  private static Integer positive(String text) {
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
