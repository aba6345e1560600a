package dev.tributary.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.tributary.article.HtmlText;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes Atom 1.0 (RFC 4287) through Rome's Atom model rather than SyndFeed, so each element the
 * spec needs is set directly instead of through the SyndFeed-to-Atom conversion rules. Rome writes
 * dates to the second; the {@code updated} elements are then given their exact value ({@link
 * EntryTimes}) in the document Rome built, before it is serialised.
 */
final class AtomFeedWriter {
  private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

  /**
   * Plain text that a reader (and the W3C validator: "text construct contains HTML") would take for
   * markup: an HTML end tag or a character or entity reference. Such a title or summary is sent as
   * {@code type="html"}, escaped, so it shows as the text it is.
   */
  private static final Pattern LOOKS_LIKE_MARKUP =
      Pattern.compile("</[A-Za-z][A-Za-z0-9]*>|&#|&[A-Za-z][A-Za-z0-9]*;");

  String write(FeedSpec spec, List<FeedEntry> entries) {
    Feed feed = new Feed("atom_1.0");
    feed.setEncoding("UTF-8");
    feed.setId(spec.feedId());
    feed.setTitle(XmlText.clean(spec.title()));
    if (!spec.subtitle().isBlank()) {
      feed.setSubtitle(text("text", XmlText.clean(spec.subtitle())));
    }
    feed.setUpdated(date(spec.updated()));
    // RFC 4287 §4.1.1: every entry needs an author; the feed's author covers entries without one.
    feed.setAuthors(List.of(person(XmlText.clean(spec.title()))));
    if (spec.isStream()) {
      feed.setAlternateLinks(List.of(link("alternate", "text/html", spec.homePageUrl())));
      feed.setOtherLinks(List.of(link("self", FeedFormat.ATOM.mediaType(), spec.streamUrl())));
    } else {
      feed.setAlternateLinks(
          List.of(
              link("alternate", "text/html", spec.homePageUrl()),
              link("alternate", FeedFormat.RSS.mediaType(), spec.selfUrl(FeedFormat.RSS)),
              link("alternate", FeedFormat.JSON.mediaType(), spec.selfUrl(FeedFormat.JSON))));
      feed.setOtherLinks(pagingLinks(spec));
    }
    if (spec.isArchive()) feed.setForeignMarkup(List.of(FeedHistory.archiveMarker()));
    feed.setGenerator(generator(spec));
    feed.setEntries(entries.stream().map(this::entry).toList());
    try {
      Document document = new WireFeedOutput().outputJDom(feed);
      setUpdated(document.getRootElement(), spec, entries);
      Format format = Format.getPrettyFormat();
      format.setEncoding(feed.getEncoding());
      return new XMLOutputter(format).outputString(document);
    } catch (FeedException e) {
      throw new FeedRenderingException("could not write Atom feed " + spec.path(), e);
    }
  }

  /**
   * Each entry's {@code updated} to the microsecond; the feed's is the latest of them (or the
   * spec's when that is later, or there are none).
   */
  private static void setUpdated(Element root, FeedSpec spec, List<FeedEntry> entries) {
    Instant latest = spec.updated();
    List<Element> elements = root.getChildren("entry", ATOM);
    for (int i = 0; i < elements.size(); i++) {
      Instant updated = entries.get(i).updated();
      elements.get(i).getChild("updated", ATOM).setText(EntryTimes.rfc3339(updated));
      if (updated.isAfter(latest)) latest = updated;
    }
    root.getChild("updated", ATOM).setText(EntryTimes.rfc3339(latest));
  }

  private Entry entry(FeedEntry item) {
    Entry entry = new Entry();
    entry.setId(item.id());
    entry.setTitleEx(text(item.title()));
    if (item.published() != null) entry.setPublished(date(item.published()));
    entry.setUpdated(date(item.updated()));
    entry.setAlternateLinks(List.of(link("alternate", "text/html", item.link())));
    // RFC 4287 §4.2.7.2: "related" names a resource related to the entry; here, the story's copy
    // from another source, titled with that source's name.
    entry.setOtherLinks(item.alsoIn().stream().map(AtomFeedWriter::related).toList());
    if (item.summary() != null) {
      entry.setSummary(text(item.summary()));
    }
    if (item.contentHtml() != null) {
      entry.setContents(List.of(text("html", item.contentHtml())));
    }
    if (item.author() != null) {
      entry.setAuthors(List.of(person(item.author())));
    }
    entry.setCategories(item.categories().stream().map(AtomFeedWriter::category).toList());
    return entry;
  }

  private static Link related(FeedEntry.Copy copy) {
    Link link = link("related", "text/html", copy.link());
    link.setTitle(copy.source());
    return link;
  }

  private static Category category(FeedCategory c) {
    Category category = new Category();
    category.setScheme(c.scheme());
    category.setTerm(c.term());
    category.setLabel(c.label());
    return category;
  }

  /** A text construct: plain, or escaped HTML when the text would read as markup. */
  private static Content text(String value) {
    return LOOKS_LIKE_MARKUP.matcher(value).find()
        ? text("html", HtmlText.escape(value))
        : text("text", value);
  }

  private static Generator generator(FeedSpec spec) {
    Generator generator = new Generator();
    generator.setValue("Tributary");
    generator.setUrl(spec.homePageUrl());
    return generator;
  }

  /**
   * Self, and the RFC 5005 links: next / prev-archive to older entries; from archives, current and
   * next-archive to newer ones (the W3C validator calls an archive without prev- or next-archive
   * incomplete, as the oldest page would be).
   */
  private static List<Link> pagingLinks(FeedSpec spec) {
    String type = FeedFormat.ATOM.mediaType();
    List<Link> links = new java.util.ArrayList<>();
    links.add(link("self", type, spec.selfUrl(FeedFormat.ATOM)));
    if (spec.isArchive()) {
      links.add(link("current", type, spec.feedUrl(FeedFormat.ATOM)));
      links.add(link("next-archive", type, spec.newerUrl(FeedFormat.ATOM)));
    }
    String older = spec.olderUrl(FeedFormat.ATOM);
    if (older != null) {
      links.add(link("next", type, older));
      links.add(link("prev-archive", type, older));
    }
    return links;
  }

  private static Link link(String rel, String type, String href) {
    Link link = new Link();
    link.setRel(rel);
    link.setType(type);
    link.setHref(href);
    return link;
  }

  private static Content text(String type, String value) {
    Content content = new Content();
    content.setType(type);
    content.setValue(value);
    return content;
  }

  private static SyndPerson person(String name) {
    Person person = new Person();
    person.setName(name);
    return person;
  }

  private static Date date(Instant instant) {
    return Date.from(instant);
  }
}
