package dev.tributary.publish;

import static dev.tributary.publish.SampleArticles.INGESTED;
import static dev.tributary.publish.SampleArticles.PUBLIC_URL;
import static dev.tributary.publish.SampleArticles.PUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.WireFeedInput;
import dev.tributary.article.Article;
import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RssFeedTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private final Feeds feeds = new Feeds();

  @Test
  void roundTripsChannelThroughRome() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    SyndFeed feed = Feeds.parse(feeds.rss(SampleArticles.siteSpec(articles), articles));

    assertEquals("rss_2.0", feed.getFeedType());
    assertEquals("Tributary", feed.getTitle());
    assertEquals(PUBLIC_URL + "/", feed.getLink());
    assertEquals("Research news, tagged", feed.getDescription());
  }

  @Test
  void channelCarriesLastBuildDateAndAtomSelfLink() throws Exception {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    String xml = feeds.rss(SampleArticles.siteSpec(articles), articles);

    Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
    assertEquals(Date.from(INGESTED.truncatedTo(ChronoUnit.SECONDS)), channel.getLastBuildDate());
    NodeList links = Feeds.dom(xml).getElementsByTagNameNS(ATOM, "link");
    assertEquals(1, links.getLength());
    Element self = (Element) links.item(0);
    assertEquals("self", self.getAttribute("rel"));
    assertEquals("application/rss+xml", self.getAttribute("type"));
    assertEquals(PUBLIC_URL + "/feed.rss", self.getAttribute("href"));
  }

  @Test
  void itemCarriesNonPermalinkGuidDateLinkTopicsAndAuthor() throws Exception {
    Article article = SampleArticles.ketamineTrial();
    String xml = feeds.rss(SampleArticles.siteSpec(List.of(article)), List.of(article));

    SyndEntry entry = Feeds.parse(xml).getEntries().get(0);
    assertEquals(FeedIds.entryId(article.id()), entry.getUri());
    assertEquals(article.title(), entry.getTitle());
    assertEquals(article.url(), entry.getLink());
    assertEquals(Date.from(PUBLISHED), entry.getPublishedDate());
    assertEquals(article.summary(), entry.getDescription().getValue());
    assertEquals(article.contentHtml(), entry.getContents().get(0).getValue());
    assertEquals("Dana Levi", entry.getAuthor());
    assertEquals(
        List.of("treatment-resistant-depression", "ketamine"),
        entry.getCategories().stream().map(SyndCategory::getName).toList());

    Item item = ((Channel) new WireFeedInput().build(new StringReader(xml))).getItems().get(0);
    assertEquals(false, item.getGuid().isPermaLink());
    assertTrue(xml.contains("<pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate>"), "RFC 822 date");
  }

  @Test
  void itemWithoutSummaryDescribesItselfWithItsContent() {
    Article note = SampleArticles.inboxNote();
    SyndEntry entry =
        Feeds.parse(feeds.rss(SampleArticles.siteSpec(List.of(note)), List.of(note)))
            .getEntries()
            .get(0);

    assertEquals(note.contentHtml(), entry.getDescription().getValue());
    assertEquals(PUBLIC_URL + "/articles/" + note.id(), entry.getLink());
  }

  @Test
  void emptyFeedStillParses() {
    SyndFeed feed = Feeds.parse(feeds.rss(SampleArticles.siteSpec(List.of()), List.of()));

    assertTrue(feed.getEntries().isEmpty());
    assertEquals("Tributary", feed.getTitle());
  }

  @Test
  void topicFeedLinksToItsOwnRssUrl() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    FeedSpec topic = FeedSpec.topic("ketamine", "Ketamine", "Tributary", PUBLIC_URL, articles);
    String xml = feeds.rss(topic, articles);

    Element self = (Element) Feeds.dom(xml).getElementsByTagNameNS(ATOM, "link").item(0);
    assertEquals(PUBLIC_URL + "/topics/ketamine/feed.rss", self.getAttribute("href"));
    assertEquals("Tributary – Ketamine", Feeds.parse(xml).getTitle());
  }

  @Test
  void guidsAreStableAcrossRendererInstances() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial(), SampleArticles.inboxNote());
    FeedSpec spec = SampleArticles.siteSpec(articles);

    assertEquals(feeds.rss(spec, articles), new Feeds().rss(spec, articles));
  }
}
