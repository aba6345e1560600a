package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * HTML nested thousands of levels deep (found by HostileInputIT: a POST that never got an answer).
 * Walking it recursively overflowed the extractor's stack, and jsoup's cleaner looks up the tree
 * for every element it copies, so such a page cost time in the square of its depth.
 */
class DeepHtmlTest {

  private static String nested(int depth) {
    return "<html><head><title>Deep</title></head><body>"
        + "<div>".repeat(depth)
        + "<p>Deep down there is a paragraph of words.</p>"
        + "</div>".repeat(depth)
        + "</body></html>";
  }

  @Test
  void aPageNestedTenThousandLevelsDeepKeepsItsWords() throws Exception {
    ExtractedArticle article = new ArticleExtractor().extract(Format.HTML, nested(10_000), null);
    assertTrue(article.plainText().contains("Deep down there is a paragraph of words."));
  }

  @Test
  void theNamedFixtureThatOverflowedTheStackIsExtracted() throws Exception {
    Path fixture =
        Path.of(
            DeepHtmlTest.class
                .getResource("/extract/html-nested-10000-divs-overflowed-the-stack.html")
                .toURI());
    String html = Files.readString(fixture, StandardCharsets.UTF_8);
    assertTrue(
        new ArticleExtractor()
            .extract(Format.HTML, html, null)
            .plainText()
            .contains("Deep down there is a paragraph of words."));
  }

  @Test
  void sanitisingKeepsNoElementBelowTheDepthLimitButKeepsItsText() {
    Element body = Jsoup.parse(nested(1_000)).body();
    HtmlSanitizer.flattenBelow(body, HtmlSanitizer.MAX_DEPTH);
    int deepest =
        body.getAllElements().stream().mapToInt(DeepHtmlTest::depthBelowBody).max().orElse(0);
    assertEquals(HtmlSanitizer.MAX_DEPTH, deepest);
    assertTrue(body.text().contains("Deep down there is a paragraph of words."));
  }

  private static int depthBelowBody(Element element) {
    int depth = 0;
    for (Element at = element; at.parent() != null && !at.normalName().equals("body"); ) {
      at = at.parent();
      depth++;
    }
    return depth;
  }
}
