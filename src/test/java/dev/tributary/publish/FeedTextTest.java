package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import dev.tributary.article.Article;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Titles and summaries reach readers exactly, in every format, or lose only what XML forbids. */
class FeedTextTest {
  private static final String AWKWARD_TITLE =
      "Dose < 0.5 mg & \"fast\" 'onset' 😀🧠 שלום עולם مرحبا";
  private static final String AWKWARD_SUMMARY = "<b>not bold</b> & more — 日本語 ‏עברית‏ العربية";

  private final Feeds feeds = new Feeds();
  private final List<Article> awkward =
      List.of(SampleArticles.titled("awkward", AWKWARD_TITLE, AWKWARD_SUMMARY));
  private final List<Article> dirty =
      List.of(
          SampleArticles.titled(
              "dirty", "Bell\u0007 null\u0000 lone\uD800 end\uFFFF", "form\u000Cfeed\uDC00 ok"));

  @ParameterizedTest
  @ValueSource(strings = {"atom", "rss"})
  void awkwardTextRoundTripsExactlyThroughXml(String format) {
    SyndEntry entry = Feeds.parse(xml(format, awkward)).getEntries().get(0);

    assertEquals(AWKWARD_TITLE, entry.getTitle());
    // A summary that would read as markup goes as escaped HTML: shown, it is the text again.
    assertEquals(
        AWKWARD_SUMMARY, Parser.unescapeEntities(entry.getDescription().getValue(), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"atom", "rss"})
  void forbiddenCharactersAreRemovedFromXml(String format) {
    String xml = xml(format, dirty);

    assertNoForbiddenCharacters(xml);
    SyndEntry entry = Feeds.parse(xml).getEntries().get(0);
    assertEquals("Bell null lone end", entry.getTitle());
    assertEquals("formfeed ok", entry.getDescription().getValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"atom", "rss"})
  void xmlIsWellFormedForAParserThatIsNotRome(String format) {
    assertEquals(
        AWKWARD_TITLE,
        Feeds.dom(xml(format, awkward)).getElementsByTagName("title").item(1).getTextContent());
  }

  @Test
  void jsonFeedKeepsAwkwardTextAndDropsForbiddenCharacters() {
    JsonObject item =
        new JsonObject(feeds.json(SampleArticles.siteSpec(awkward), awkward))
            .getJsonArray("items")
            .getJsonObject(0);
    String dirtyJson = feeds.json(SampleArticles.siteSpec(dirty), dirty);

    assertEquals(AWKWARD_TITLE, item.getString("title"));
    assertEquals(AWKWARD_SUMMARY, item.getString("summary"));
    assertNoForbiddenCharacters(new JsonObject(dirtyJson).encode());
    assertFalse(dirtyJson.contains("\\u0007") || dirtyJson.contains("\\u0000"), dirtyJson);
  }

  private String xml(String format, List<Article> articles) {
    FeedSpec spec = SampleArticles.siteSpec(articles);
    return format.equals("atom") ? feeds.atom(spec, articles) : feeds.rss(spec, articles);
  }

  private static void assertNoForbiddenCharacters(String text) {
    assertTrue(
        text.codePoints().allMatch(XmlText::isAllowed), "forbidden character emitted:\n" + text);
    assertFalse(text.matches("(?s).*&#x?0*(0|7|[cC]|12|[dD]800|[dD][cC]00|[fF]{4});.*"), text);
  }
}
