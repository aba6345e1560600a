package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the W3C Feed Validation Service warns about, kept out of every feed: each test renders what
 * used to draw a warning (the validator's message in the test's comment) and checks the document.
 */
class FeedWarningsTest {
  private static final Instant STORED = Instant.parse("2026-03-01T10:00:00.250Z");
  private final Feeds feeds = new Feeds();

  /** Articles stored one millisecond apart, in one second: what the store makes of a burst. */
  private static List<Article> burst(int n) {
    List<Article> articles = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      articles.add(
          SampleArticles.titled("b" + i, "Burst " + i, "Summary " + i)
              .withIngested(STORED.plusMillis(i)));
    }
    return articles;
  }

  @Test
  void entriesStoredWithinOneSecondHaveDistinctUpdatedValues() {
    // "Two entries with the same value for atom:updated"
    List<Article> articles = burst(5);
    String xml = feeds.atom(SampleArticles.siteSpec(articles), articles);
    List<String> updated = values(xml, "updated");
    assertEquals("2026-03-01T10:00:00.254Z", updated.get(0), "the feed's: its newest entry's");
    List<String> entries = updated.subList(1, updated.size());
    assertEquals(5, entries.size());
    assertEquals(5, new HashSet<>(entries).size(), entries.toString());
    assertEquals("2026-03-01T10:00:00.254Z", entries.get(0));
    assertEquals("2026-03-01T10:00:00.250Z", entries.get(4));
  }

  @Test
  void theSameArticleHasTheSameUpdatedValueInEveryFeedAndRender() {
    List<Article> articles = burst(3);
    String site = feeds.atom(SampleArticles.siteSpec(articles), articles);
    FeedSpec topic =
        FeedSpec.topic("k", "K", "Tributary", SampleArticles.PUBLIC_URL, articles.subList(1, 3));
    String topicFeed = feeds.atom(topic, articles.subList(1, 3));
    assertEquals(values(site, "updated").subList(2, 4), values(topicFeed, "updated").subList(1, 3));
  }

  @Test
  void aDateBefore1990IsLeftOutAndALaterOneIsClampedToTheStoredTime() {
    // "Implausible date"
    Article epoch =
        SampleArticles.titled("e", "Dated 1970", "s")
            .withPublished(Instant.EPOCH)
            .withIngested(STORED);
    Article ahead =
        SampleArticles.titled("a", "Dated next year", "s")
            .withPublished(STORED.plusSeconds(365L * 86400))
            .withIngested(STORED);
    List<Article> articles = List.of(ahead, epoch);
    String atom = feeds.atom(SampleArticles.siteSpec(articles), articles);
    assertEquals(List.of("2026-03-01T10:00:00Z"), values(atom, "published"));
    String rss = feeds.rss(SampleArticles.siteSpec(articles), articles);
    assertEquals(List.of("Sun, 01 Mar 2026 10:00:00 GMT"), values(rss, "pubDate"));
    JsonObject json = new JsonObject(feeds.json(SampleArticles.siteSpec(articles), articles));
    assertEquals(
        "2026-03-01T10:00:00Z",
        json.getJsonArray("items").getJsonObject(0).getString("date_published"));
    assertFalse(json.getJsonArray("items").getJsonObject(1).containsKey("date_published"));
  }

  @Test
  void anEmptyFeedIsDatedAfter1990() {
    // "Implausible date" (the empty feed used to say 1970)
    String atom = feeds.atom(SampleArticles.siteSpec(List.of()), List.of());
    assertEquals(List.of("2000-01-01T00:00:00.000Z"), values(atom, "updated"));
    String rss = feeds.rss(SampleArticles.siteSpec(List.of()), List.of());
    assertEquals(List.of("Sat, 01 Jan 2000 00:00:00 GMT"), values(rss, "lastBuildDate"));
  }

  @Test
  void windows1252ControlsAndReplacementCharactersDoNotReachTheFeed() {
    // "Invalid character" (BadCharacters: U+0080-U+009F, U+FFFD)
    List<Article> articles =
        List.of(SampleArticles.titled("c", "It\u0092s a \u0093test\u0094\uFFFD", "ok"));
    for (String xml :
        List.of(
            feeds.atom(SampleArticles.siteSpec(articles), articles),
            feeds.rss(SampleArticles.siteSpec(articles), articles))) {
      assertTrue(xml.contains("It’s a “test”</title>"), xml);
      assertTrue(xml.codePoints().noneMatch(c -> (c >= 0x80 && c <= 0x9F) || c == 0xFFFD));
    }
  }

  @Test
  void plainTextThatReadsAsMarkupIsSentAsEscapedHtmlInAtom() {
    // "title/summary contains HTML" for type="text" (ContainsUndeclaredHTML)
    List<Article> articles =
        List.of(SampleArticles.titled("m", "Why </p> breaks pages", "Use &amp; not &"));
    String xml = feeds.atom(SampleArticles.siteSpec(articles), articles);
    assertTrue(
        xml.contains("<title type=\"html\">Why &amp;lt;/p&amp;gt; breaks pages</title>"), xml);
    assertTrue(
        xml.contains("<summary type=\"html\">Use &amp;amp;amp; not &amp;amp;</summary>"), xml);
    List<Article> plain = List.of(SampleArticles.titled("p", "Q&A: dose < 1 mg", "AT&T"));
    String plainXml = feeds.atom(SampleArticles.siteSpec(plain), plain);
    assertTrue(plainXml.contains("<title type=\"text\">Q&amp;A: dose &lt; 1 mg</title>"), plainXml);
  }

  @Test
  void anRssDescriptionIsHtmlSoItsPlainTextIsEscaped() {
    // "Invalid HTML" in description: the validator (and readers) parse it as HTML
    List<Article> articles = List.of(SampleArticles.titled("d", "t", "dose < 1 mg & more"));
    String rss = feeds.rss(SampleArticles.siteSpec(articles), articles);
    assertTrue(rss.contains("<description>dose &amp;lt; 1 mg &amp;amp; more</description>"), rss);
  }

  /** The text of every element of that local name, in document order. */
  private static List<String> values(String xml, String element) {
    Matcher m =
        Pattern.compile("<" + element + "(?: [^>]*)?>([^<]*)</" + element + ">").matcher(xml);
    List<String> values = new ArrayList<>();
    while (m.find()) values.add(m.group(1));
    return values;
  }
}
