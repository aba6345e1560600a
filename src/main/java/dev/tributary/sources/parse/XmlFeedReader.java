package dev.tributary.sources.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import dev.tributary.extract.DateText;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME, mapped into {@link ParsedFeed} so no ROME type
 * leaves this class. The text has been decoded and cleaned already; ROME's fixer turns HTML named
 * entities ({@code &eacute;}) into numeric references a strict parser accepts.
 */
final class XmlFeedReader {

  private static final Set<String> ROME_RSS_VERSIONS =
      Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
  private static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");

  private XmlFeedReader() {}

  static ParsedFeed read(String xml, String feedUrl) throws FeedParseException {
    Document document = SecureXml.parse(new XmlFixerReader(new StringReader(xml)));
    healRssRoot(document.getRootElement());
    SyndFeed feed = toSyndFeed(document);
    FeedDocument tree = new FeedDocument(document, feedUrl);
    List<Element> elements = tree.entryElements();
    List<SyndEntry> entries = feed.getEntries();
    boolean aligned = elements.size() == entries.size();
    List<FeedItem> items = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      items.add(item(entries.get(i), aligned ? elements.get(i) : null, tree));
    }
    String feedBase = tree.feedBase();
    return new ParsedFeed(
        blankToNull(feed.getTitle()),
        Urls.resolve(feedBase, feed.getLink()),
        tree.linkWithRel("hub"),
        tree.linkWithRel("self"),
        tree.ttlSeconds(),
        items);
  }

  /**
   * ROME recognises RSS by its exact version and fails on a root without {@code <channel>}; feeds
   * with {@code version="2.01"}, none, or an empty body are still readable as RSS 2.0.
   */
  private static void healRssRoot(Element root) {
    if (root.getName().equals("rss") && root.getNamespace() == Namespace.NO_NAMESPACE) {
      String version = root.getAttributeValue("version");
      if (version == null || !ROME_RSS_VERSIONS.contains(version.strip())) {
        root.setAttribute("version", "2.0");
      }
      if (root.getChild("channel") == null) {
        root.addContent(new Element("channel"));
      }
    } else if (root.getName().equals("RDF")) {
      Namespace rss = root.getNamespace("");
      Namespace namespace = rss == null || rss == Namespace.NO_NAMESPACE ? RSS_10 : rss;
      if (root.getChild("channel", namespace) == null) {
        root.addContent(0, new Element("channel", namespace));
      }
    }
  }

  private static SyndFeed toSyndFeed(Document document) throws FeedParseException {
    try {
      return new SyndFeedInput(false, Locale.US).build(document);
    } catch (IllegalArgumentException e) {
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "The document is XML but not RSS or Atom (its root element is <"
              + document.getRootElement().getQualifiedName()
              + ">); if it is a web page, subscribe to the feed it links to.",
          e);
    } catch (FeedException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw structureNotUnderstood(cause);
      }
      throw new FeedParseException(
          FeedParseException.Reason.MALFORMED, "The feed could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw structureNotUnderstood(e);
    }
  }

  /** ROME trips over structures it does not expect (NullPointerException, bad base64...). */
  private static FeedParseException structureNotUnderstood(RuntimeException e) {
    return new FeedParseException(
        FeedParseException.Reason.MALFORMED,
        "The feed is well-formed XML but its elements are not where RSS or Atom puts them ("
            + e.getClass().getSimpleName()
            + " in ROME); ask the publisher to validate it.",
        e);
  }

  private static FeedItem item(SyndEntry entry, Element element, FeedDocument tree) {
    String base = element == null ? tree.feedBase() : tree.linkBase(element);
    String guid = element == null ? entry.getUri() : FeedDocument.rawGuid(element);
    return new FeedItem(
        guid,
        Urls.resolve(base, entry.getLink()),
        blankToNull(entry.getTitle()),
        contentHtml(entry),
        author(entry),
        published(entry, element),
        categories(entry));
  }

  /** The fullest body: {@code content:encoded} / Atom content first, then description / summary. */
  private static String contentHtml(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      String html = asHtml(content);
      if (html != null) {
        return html;
      }
    }
    return entry.getDescription() == null ? null : asHtml(entry.getDescription());
  }

  private static String asHtml(SyndContent content) {
    String value = content.getValue();
    if (value == null || value.isBlank()) {
      return null;
    }
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return escape(value.strip());
    }
    return value.strip();
  }

  private static String author(SyndEntry entry) {
    String author = blankToNull(entry.getAuthor());
    if (author == null) {
      for (SyndPerson person : entry.getAuthors()) {
        author = blankToNull(person.getName() != null ? person.getName() : person.getEmail());
        if (author != null) {
          break;
        }
      }
    }
    return author;
  }

  private static Instant published(SyndEntry entry, Element element) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      return date.toInstant();
    }
    return element == null ? null : DateText.parse(FeedDocument.rawDate(element));
  }

  private static List<String> categories(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndCategory category : entry.getCategories()) {
      String name = blankToNull(category.getName());
      if (name != null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
