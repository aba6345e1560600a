package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tributary.extract.DateText;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what a page fetched by URL goes through: the web-page extractor (main content, title,
 * byline, date, JSON-LD) and its date parser. Every page gives a {@link WebPage}, every date text
 * an instant or nothing; anything else (an exception, a hang, running out of memory) is a finding.
 * {@code ./mvnw verify} runs the seeds and the named findings in WebPageFuzzTestInputs; {@code
 * .ci/fuzz} fuzzes for a bounded time.
 */
class WebPageFuzzTest {
  private final WebPageExtractor extractor = new WebPageExtractor();

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyPageGivesAWebPage(FuzzedDataProvider data) {
    String pageUrl = data.pickValue(PAGE_URLS);
    WebPage page = extractor.extract(data.consumeRemainingAsString(), pageUrl);
    assertNotNull(page.contentHtml());
  }

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyDateTextParsesOrIsAbsent(FuzzedDataProvider data) {
    DateText.parse(data.consumeRemainingAsString());
  }

  private static final String[] PAGE_URLS = {
    "https://fuzz.test/2024/05/article.html", "https://fuzz.test/", "", "not a url"
  };
}
