package dev.tributary.publish;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.HtmlText;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes RSS 2.0 through Rome's RSS model, which can carry a non-permalink guid directly. */
final class RssFeedWriter {
  private static final Namespace ATOM =
      Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

  String write(FeedSpec spec, List<FeedEntry> entries) {
    Channel channel = new Channel("rss_2.0");
    channel.setEncoding("UTF-8");
    channel.setTitle(XmlText.clean(spec.title()));
    channel.setLink(spec.homePageUrl());
    channel.setDescription(description(spec));
    channel.setLastBuildDate(Date.from(spec.updated()));
    channel.setGenerator("Tributary");
    channel.setForeignMarkup(channelLinks(spec));
    channel.setItems(entries.stream().map(entry -> item(spec, entry)).toList());
    try {
      return new WireFeedOutput().outputString(channel, true);
    } catch (FeedException e) {
      throw new FeedRenderingException("could not write RSS feed " + spec.path(), e);
    }
  }

  private Item item(FeedSpec spec, FeedEntry entry) {
    Item item = new Item();
    item.setTitle(entry.title());
    item.setLink(entry.link());
    item.setGuid(guid(entry.id()));
    if (entry.published() != null) item.setPubDate(Date.from(entry.published()));
    if (entry.summary() != null || entry.contentHtml() != null) {
      item.setDescription(description(entry));
    }
    if (entry.contentHtml() != null) {
      item.setContent(html(entry.contentHtml()));
    }
    item.setCategories(entry.topics().stream().map(t -> category(spec, t)).toList());
    if (entry.author() != null) {
      item.setModules(List.of(creator(entry.author())));
    }
    return item;
  }

  // RSS channels must have a description, even when the feed has no subtitle.
  private static String description(FeedSpec spec) {
    String subtitle = XmlText.clean(spec.subtitle());
    return subtitle.isBlank() ? XmlText.clean(spec.title()) : subtitle;
  }

  /**
   * The summary, or else the content. An RSS description is HTML (readers and the W3C validator
   * read it so), so the plain-text summary goes in escaped: a "&lt;" or "&amp;" in it stays text.
   */
  private static Description description(FeedEntry entry) {
    Description description = new Description();
    if (entry.summary() != null) {
      description.setType("text/html");
      description.setValue(HtmlText.escape(entry.summary()));
    } else {
      description.setType("text/html");
      description.setValue(entry.contentHtml());
    }
    return description;
  }

  private static Content html(String value) {
    Content content = new Content();
    content.setType(Content.HTML);
    content.setValue(value);
    return content;
  }

  private static Guid guid(String id) {
    Guid guid = new Guid();
    guid.setPermaLink(false);
    guid.setValue(id);
    return guid;
  }

  private static Category category(FeedSpec spec, ArticleTopic topic) {
    Category category = new Category();
    category.setDomain(spec.publicUrl() + "/topics/");
    category.setValue(topic.slug());
    return category;
  }

  // RSS 2.0 has no author-name element (<author> must be an e-mail address); dc:creator is the
  // convention readers understand.
  private static DCModule creator(String author) {
    DCModule dc = new DCModuleImpl();
    dc.setCreator(author);
    return dc;
  }

  /** atom:link self, and the RFC 5005 links and archive marker, as channel extensions. */
  private static List<Element> channelLinks(FeedSpec spec) {
    List<Element> markup = new java.util.ArrayList<>();
    markup.add(atomLink("self", spec.selfUrl(FeedFormat.RSS)));
    if (spec.isArchive()) {
      markup.add(atomLink("current", spec.feedUrl(FeedFormat.RSS)));
      markup.add(atomLink("next-archive", spec.newerUrl(FeedFormat.RSS)));
      markup.add(FeedHistory.archiveMarker());
    }
    String older = spec.olderUrl(FeedFormat.RSS);
    if (older != null) {
      markup.add(atomLink("next", older));
      markup.add(atomLink("prev-archive", older));
    }
    return markup;
  }

  private static Element atomLink(String rel, String href) {
    Element link = new Element("link", ATOM);
    link.setAttribute("href", href);
    link.setAttribute("rel", rel);
    link.setAttribute("type", FeedFormat.RSS.mediaType());
    return link;
  }
}
