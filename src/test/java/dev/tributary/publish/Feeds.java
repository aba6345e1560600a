package dev.tributary.publish;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.AtomSchema;
import dev.tributary.article.Article;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Renders feeds for tests; every Atom document rendered here is validated against RFC 4287. */
final class Feeds {
  private final FeedRenderer renderer = new FeedRenderer();

  String atom(FeedSpec spec, List<Article> articles) {
    String xml = renderer.atom(spec, FeedItem.of(articles));
    AtomSchema.assertValid(xml);
    return xml;
  }

  String rss(FeedSpec spec, List<Article> articles) {
    return renderer.rss(spec, FeedItem.of(articles));
  }

  String json(FeedSpec spec, List<Article> articles) {
    return renderer.jsonFeed(spec, FeedItem.of(articles));
  }

  static SyndFeed parse(String xml) {
    try {
      return new SyndFeedInput().build(new StringReader(xml));
    } catch (Exception e) {
      throw new AssertionError("Rome cannot read the feed back:\n" + xml, e);
    }
  }

  static Document dom(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML:\n" + xml, e);
    }
  }
}
