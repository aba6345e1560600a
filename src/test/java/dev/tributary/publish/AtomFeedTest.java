package dev.tributary.publish;

import static dev.tributary.publish.SampleArticles.INGESTED;
import static dev.tributary.publish.SampleArticles.PUBLIC_URL;
import static dev.tributary.publish.SampleArticles.PUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import dev.tributary.AtomSchema;
import dev.tributary.article.Article;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AtomFeedTest {
  private final Feeds feeds = new Feeds();

  @Test
  void roundTripsFeedHeaderThroughRome() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    SyndFeed feed = Feeds.parse(feeds.atom(SampleArticles.siteSpec(articles), articles));

    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(FeedIds.feedId("feed"), feed.getUri());
    assertEquals("Tributary", feed.getTitle());
    assertEquals("Research news, tagged", feed.getDescription());
    assertEquals(Date.from(INGESTED), feed.getPublishedDate(), "to the millisecond");
    assertEquals("Tributary", feed.getAuthors().get(0).getName());
  }

  @Test
  void linksToItselfTheHomePageAndTheSiblingFeeds() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    SyndFeed feed = Feeds.parse(feeds.atom(SampleArticles.siteSpec(articles), articles));

    Map<String, String> hrefByType =
        feed.getLinks().stream().collect(Collectors.toMap(SyndLink::getType, SyndLink::getHref));
    assertEquals(PUBLIC_URL + "/feed.atom", hrefByType.get("application/atom+xml"));
    assertEquals(PUBLIC_URL + "/", hrefByType.get("text/html"));
    assertEquals(PUBLIC_URL + "/feed.rss", hrefByType.get("application/rss+xml"));
    assertEquals(PUBLIC_URL + "/feed.json", hrefByType.get("application/feed+json"));
    assertEquals("self", linkOfType(feed, "application/atom+xml").getRel());
    assertEquals("alternate", linkOfType(feed, "text/html").getRel());
  }

  @Test
  void roundTripsAnEntryWithIdDatesLinkContentAuthorAndTopics() {
    Article article = SampleArticles.ketamineTrial();
    SyndEntry entry =
        onlyEntry(feeds.atom(SampleArticles.siteSpec(List.of(article)), List.of(article)));

    assertEquals(FeedIds.entryId(article.id()), entry.getUri());
    assertEquals(article.title(), entry.getTitle());
    assertEquals(article.url(), entry.getLink());
    assertEquals(Date.from(PUBLISHED), entry.getPublishedDate());
    assertEquals(Date.from(INGESTED), entry.getUpdatedDate(), "stored, to the millisecond");
    assertEquals(article.summary(), entry.getDescription().getValue());
    assertEquals("html", entry.getContents().get(0).getType());
    assertEquals(article.contentHtml(), entry.getContents().get(0).getValue());
    assertEquals("Dana Levi", entry.getAuthor());
    List<SyndCategory> categories = entry.getCategories();
    assertEquals(
        List.of("treatment-resistant-depression", "ketamine"),
        categories.stream().map(SyndCategory::getName).toList());
    assertEquals(
        List.of("Treatment-resistant depression", "Ketamine"),
        categories.stream().map(SyndCategory::getLabel).toList());
  }

  @Test
  void linksAnArticleWithoutUrlToItsApiPage() {
    Article note = SampleArticles.inboxNote();
    SyndEntry entry = onlyEntry(feeds.atom(SampleArticles.siteSpec(List.of(note)), List.of(note)));

    assertEquals(PUBLIC_URL + "/articles/" + note.id(), entry.getLink());
    assertTrue(entry.getCategories().isEmpty());
    assertEquals(Date.from(note.published()), entry.getPublishedDate());
  }

  @Test
  void entryWithoutAuthorIsCoveredByTheFeedAuthor() {
    Article note = SampleArticles.inboxNote();
    String xml = feeds.atom(SampleArticles.siteSpec(List.of(note)), List.of(note));

    assertTrue(AtomSchema.violations(xml).isEmpty());
    assertFalse(xml.contains("<entry>\n    <author>"), "the note has no byline of its own");
  }

  @Test
  void schemaCheckRejectsAnEntryWithoutAuthorOrLink() {
    String orphan =
        """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <id>urn:x:feed</id><title>t</title><updated>2026-11-21T10:00:00Z</updated>
          <entry><id>urn:x:1</id><title>e</title><updated>2026-11-21T10:00:00Z</updated></entry>
        </feed>
        """;

    List<String> problems = AtomSchema.violations(orphan);

    assertEquals(2, problems.size(), problems.toString());
    assertFalse(AtomSchema.violations("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>").isEmpty());
  }

  @Test
  void emptyFeedIsStillValidAndDated() {
    SyndFeed feed = Feeds.parse(feeds.atom(SampleArticles.siteSpec(List.of()), List.of()));

    assertTrue(feed.getEntries().isEmpty());
    assertEquals(Date.from(FeedSpec.EMPTY_FEED_UPDATED), feed.getPublishedDate());
  }

  @Test
  void topicFeedHasItsOwnIdTitleAndSelfLink() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    FeedSpec topic = FeedSpec.topic("ketamine", "Ketamine", "Tributary", PUBLIC_URL, articles);

    SyndFeed feed = Feeds.parse(feeds.atom(topic, articles));

    assertEquals(FeedIds.feedId("topic:ketamine"), feed.getUri());
    assertNotEquals(FeedIds.feedId("feed"), feed.getUri());
    assertEquals("Tributary – Ketamine", feed.getTitle());
    assertEquals(
        PUBLIC_URL + "/topics/ketamine/feed.atom",
        linkOfType(feed, "application/atom+xml").getHref());
    assertEquals(
        PUBLIC_URL + "/topics/ketamine/feed.json",
        linkOfType(feed, "application/feed+json").getHref());
  }

  @Test
  void idsAreStableAcrossRendererInstances() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial(), SampleArticles.inboxNote());
    FeedSpec spec = SampleArticles.siteSpec(articles);

    String first = feeds.atom(spec, articles);
    String second = new Feeds().atom(spec, articles);

    assertEquals(first, second);
    assertEquals(
        List.of(FeedIds.entryId("4df5721ed5792e6c"), FeedIds.entryId("ab4fd915cb3fcb74")),
        Feeds.parse(second).getEntries().stream().map(SyndEntry::getUri).toList());
  }

  @Test
  void entryIdsDoNotDependOnThePublicUrl() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    FeedSpec moved = FeedSpec.site("Tributary", "", "https://news.example.org/", articles);

    SyndFeed here = Feeds.parse(feeds.atom(SampleArticles.siteSpec(articles), articles));
    SyndFeed there = Feeds.parse(feeds.atom(moved, articles));

    assertEquals(here.getUri(), there.getUri());
    assertEquals(here.getEntries().get(0).getUri(), there.getEntries().get(0).getUri());
    assertEquals(
        "https://news.example.org/feed.atom", linkOfType(there, "application/atom+xml").getHref());
  }

  private static SyndEntry onlyEntry(String xml) {
    List<SyndEntry> entries = Feeds.parse(xml).getEntries();
    assertEquals(1, entries.size());
    return entries.get(0);
  }

  private static SyndLink linkOfType(SyndFeed feed, String type) {
    return feed.getLinks().stream()
        .filter(link -> type.equals(link.getType()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no link of type " + type + " in " + feed.getLinks()));
  }
}
