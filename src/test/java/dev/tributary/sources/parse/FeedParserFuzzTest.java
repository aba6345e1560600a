package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tributary.extract.DateText;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what a polled source goes through: the feed parser (XML and JSON Feed), the OPML reader
 * and the feed date parser. A feed parses or is refused with a {@link FeedParseException}; a date
 * parses or is absent; anything else (another exception, a hang, running out of memory) is a
 * finding. {@code ./mvnw verify} runs the seeds (from the corpus) and the named findings in
 * FeedParserFuzzTestInputs; {@code .ci/fuzz} fuzzes for a bounded time.
 */
class FeedParserFuzzTest {

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyFeedParsesOrIsRefusedWithAReason(FuzzedDataProvider data) {
    String contentType = data.pickValue(CONTENT_TYPES);
    byte[] body = data.consumeRemainingAsBytes();
    try {
      ParsedFeed feed = new FeedParser().parse(body, contentType, "https://fuzz.test/feed");
      feed.items().forEach(item -> assertNotNull(item));
    } catch (FeedParseException refused) {
      assertNotNull(refused.reason());
    }
  }

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyOpmlListParsesOrIsRefusedWithAReason(byte[] body) {
    try {
      Opml.parse(body).forEach(outline -> assertNotNull(outline));
    } catch (FeedParseException refused) {
      assertNotNull(refused.reason());
    }
  }

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyFeedDateParsesOrIsAbsent(FuzzedDataProvider data) {
    DateText.parse(data.consumeRemainingAsString());
  }

  private static final String[] CONTENT_TYPES = {
    null,
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "text/xml; charset=iso-8859-1",
    "text/html",
    "application/json"
  };
}
