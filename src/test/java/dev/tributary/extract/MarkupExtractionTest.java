package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Format;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Markdown and HTML bodies: rendering, titles and sanitising. */
class MarkupExtractionTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  private static void assertSafe(String html) {
    for (String unsafe :
        List.of("<script", "alert(", "onclick", "javascript:", "<iframe", "<style", "color:")) {
      assertFalse(html.toLowerCase().contains(unsafe), () -> unsafe + " survived in " + html);
    }
  }

  @Nested
  class Markdown {

    private static final String ARTICLE =
        """
        # Hello *Markdown*

        Some *emphasis* and a [safe link](https://example.org/a) and a
        [bad link](javascript:alert(1)).

        <script>alert(2)</script>
        <div onclick="alert(3)" style="color: red">clickable</div>

        ## Details

        - first
        - second

        #Ketamine #MentalHealth
        """;

    @Test
    void takesTheTitleFromTheFirstHeadingAndRemovesIt() throws Exception {
      var article = extractor.extract(Format.MARKDOWN, ARTICLE, null);
      assertEquals("Hello Markdown", article.title());
      assertFalse(article.contentHtml().contains("<h1"), article.contentHtml());
    }

    @Test
    void rendersAndSanitises() throws Exception {
      String html = extractor.extract(Format.MARKDOWN, ARTICLE, null).contentHtml();
      assertTrue(html.contains("<em>emphasis</em>"), html);
      assertTrue(
          html.contains(
              "<a href=\"https://example.org/a\" rel=\"nofollow noopener\">safe link</a>"),
          html);
      assertTrue(html.contains("<h2>Details</h2>"), html);
      assertTrue(html.contains("<li>first</li>"), html);
      assertTrue(html.contains("clickable"), html);
      assertSafe(html);
    }

    @Test
    void takesTrailingHashtagsAsTags() throws Exception {
      var article = extractor.extract(Format.MARKDOWN, ARTICLE, null);
      assertEquals(List.of("ketamine", "mental-health"), article.tags());
      assertFalse(article.plainText().contains("#"));
    }

    @Test
    void givesPlainTextParagraphsAndASummaryWithoutHeadings() throws Exception {
      var article = extractor.extract(Format.MARKDOWN, ARTICLE, null);
      assertEquals(
          List.of(
              "Some emphasis and a safe link and a bad link.",
              "clickable",
              "Details",
              "first",
              "second"),
          article.paragraphs());
      assertEquals(
          "Some emphasis and a safe link and a bad link. clickable first second",
          article.summary());
    }

    @Test
    void usesAFirstLineThatReadsAsTitleWhenThereIsNoHeading() throws Exception {
      var article =
          extractor.extract(Format.MARKDOWN, "A *Plain* Title\nThe body starts here.", null);
      assertEquals("A Plain Title", article.title());
      assertEquals(List.of("The body starts here."), article.paragraphs());
    }

    @Test
    void derivesTheTitleFromTheFirstSentenceOtherwise() throws Exception {
      var article = extractor.extract(Format.MARKDOWN, "No title here. Just *prose*.", null);
      assertEquals("No title here", article.title());
    }

    @Test
    void dropsCopiesOfTheHintedTitle() throws Exception {
      var article =
          extractor.extract(
              Format.MARKDOWN, "## The Hinted Title Here\n\nBody.", "The hinted title here");
      assertEquals("The hinted title here", article.title());
      assertEquals(List.of("Body."), article.paragraphs());
    }

    @Test
    void rejectsAHeadingWithNothingBelowIt() {
      assertThrows(
          ExtractionException.class, () -> extractor.extract(Format.MARKDOWN, "# Only\n", null));
    }
  }

  @Nested
  class Html {

    private static final String PAGE =
        """
        <!doctype html>
        <html><head>
          <title>The Page Title</title>
          <meta property="og:title" content="Open Graph Title">
          <style>p { color: red }</style>
          <script>alert(0)</script>
        </head><body>
          <nav>Home | About</nav>
          <article>
            <h1>The Page Title</h1>
            <h2>Section</h2>
            <p onclick="alert(1)">First <b>bold</b> paragraph with
               <a href="javascript:alert(2)">a trap</a> and <a href="https://example.org">a link</a>.</p>
            <script>alert(3)</script>
            <iframe src="https://evil.example"></iframe>
            <p style="color: red">Second paragraph.</p>
          </article>
          <footer>Copyright</footer>
        </body></html>
        """;

    @Test
    void takesTheTitleElementAndDropsTheRepeatedH1() throws Exception {
      var article = extractor.extract(Format.HTML, PAGE, null);
      assertEquals("The Page Title", article.title());
      assertFalse(article.contentHtml().contains("<h1"), article.contentHtml());
    }

    @Test
    void keepsOnlyTheArticleElement() throws Exception {
      var article = extractor.extract(Format.HTML, PAGE, null);
      assertFalse(article.plainText().contains("Home | About"));
      assertFalse(article.plainText().contains("Copyright"));
      assertEquals(
          List.of("Section", "First bold paragraph with a trap and a link.", "Second paragraph."),
          article.paragraphs());
    }

    @Test
    void removesScriptsStylesIframesHandlersAndJavascriptUrls() throws Exception {
      String html = extractor.extract(Format.HTML, PAGE, null).contentHtml();
      assertSafe(html);
      assertTrue(html.contains("<b>bold</b>"), html);
      assertTrue(
          html.contains("<a href=\"https://example.org\" rel=\"nofollow noopener\">a link</a>"),
          html);
    }

    @Test
    void summarySkipsHeadings() throws Exception {
      assertEquals(
          "First bold paragraph with a trap and a link. Second paragraph.",
          extractor.extract(Format.HTML, PAGE, null).summary());
    }

    @Test
    void fallsBackToTheFirstH1ThenOpenGraphThenTheFirstSentence() throws Exception {
      assertEquals(
          "Heading One",
          extractor.extract(Format.HTML, "<h1>Heading One</h1><p>Text.</p>", null).title());
      assertEquals(
          "Open Graph",
          extractor
              .extract(
                  Format.HTML,
                  "<meta property=\"og:title\" content=\"Open Graph\"><p>Text.</p>",
                  null)
              .title());
      assertEquals(
          "Only prose here",
          extractor.extract(Format.HTML, "<p>Only prose here. More.</p>", null).title());
    }

    @Test
    void usesMainWhenThereIsNoArticle() throws Exception {
      var article =
          extractor.extract(
              Format.HTML, "<title>T</title><div>Menu</div><main><p>Main text.</p></main>", null);
      assertEquals(List.of("Main text."), article.paragraphs());
    }

    @Test
    void keepsLooseTextBetweenBlocks() throws Exception {
      var article =
          extractor.extract(
              Format.HTML, "<title>T</title><div>Loose <i>text</i><p>Para.</p>tail</div>", null);
      assertEquals(List.of("Loose text", "Para.", "tail"), article.paragraphs());
    }

    @Test
    void rejectsAPageWithoutText() {
      var error =
          assertThrows(
              ExtractionException.class,
              () -> extractor.extract(Format.HTML, "<title>T</title><script>x()</script>", null));
      assertTrue(error.getMessage().startsWith("no readable text"), error.getMessage());
    }
  }
}
