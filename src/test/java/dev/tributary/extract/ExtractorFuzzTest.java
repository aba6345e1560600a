package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tributary.article.Format;
import dev.tributary.ingest.BodyDecoder;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what an inbox file or a POST body goes through: the decoder, then the text, Markdown or
 * HTML extractor. Any outcome but an article or an {@link ExtractionException} is a finding (an
 * exception, a hang, running out of memory). {@code ./mvnw verify} runs the seeds and the named
 * findings in ExtractorFuzzTestInputs; {@code .ci/fuzz} fuzzes for a bounded time.
 */
class ExtractorFuzzTest {
  private static final long MAX_BYTES = 1 << 20;
  private final ArticleExtractor extractor = new ArticleExtractor();

  @FuzzTest(maxDuration = "15s")
  @Timeout(10)
  void everyBodyGivesAnArticleOrARefusal(FuzzedDataProvider data) {
    Format format = data.pickValue(Format.values());
    String titleHint = data.consumeBoolean() ? data.consumeString(200) : null;
    byte[] body = data.consumeRemainingAsBytes();
    try {
      ExtractedArticle article =
          extractor.extract(format, BodyDecoder.decode(body, MAX_BYTES), titleHint);
      assertNotNull(article.plainText());
    } catch (ExtractionException refused) {
      assertNotNull(refused.getMessage());
    }
  }
}
