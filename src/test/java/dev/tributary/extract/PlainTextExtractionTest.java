package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Format;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlainTextExtractionTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  private ExtractedArticle extract(String body) throws ExtractionException {
    return extractor.extract(Format.TEXT, body, null);
  }

  @Nested
  class NothingToRead {

    @Test
    void rejectsAnEmptyBody() {
      var error = assertThrows(ExtractionException.class, () -> extract(""));
      assertTrue(error.getMessage().startsWith("no readable text"), error.getMessage());
    }

    @Test
    void rejectsAWhitespaceOnlyBody() {
      var error = assertThrows(ExtractionException.class, () -> extract(" \n\n\t \n"));
      assertTrue(error.getMessage().startsWith("no readable text"), error.getMessage());
    }

    @Test
    void rejectsABodyThatIsOnlySpam() {
      var error = assertThrows(ExtractionException.class, () -> extract("Call Now\n\nCALL NOW!"));
      assertTrue(error.getMessage().startsWith("no readable text"), error.getMessage());
    }

    @Test
    void rejectsABodyThatIsOnlyHashtags() {
      assertThrows(ExtractionException.class, () -> extract("#Ketamine #Hope"));
    }
  }

  @Nested
  class Titles {

    @Test
    void derivesTheTitleFromTheFirstSentenceWhenThereIsNoTitleLine() throws Exception {
      var article = extract("This text has no title line. It starts straight away.\n");
      assertEquals("This text has no title line", article.title());
      assertEquals(
          List.of("This text has no title line. It starts straight away."), article.paragraphs());
    }

    @Test
    void cutsATitleFromOneVeryLongLineAtAWordBoundary() throws Exception {
      String line = "word ".repeat(30) + "pneumonoultramicroscopic " + "tail ".repeat(400);
      var article = extract(line.strip());
      String title = article.title();
      assertTrue(title.length() <= 120, title);
      assertTrue(title.endsWith("…"), title);
      assertTrue(line.startsWith(title.substring(0, title.length() - 1) + " "), title);
      assertEquals(1, article.paragraphs().size());
      assertTrue(article.summary().length() <= 300);
    }

    @Test
    void keepsQuestionAndExclamationMarksButNotAFullStopInATitleLine() throws Exception {
      assertEquals("Is it safe?", extract("Is it safe?\n\nMostly.").title());
      assertEquals("It works!", extract("It works!\n\nMostly.").title());
      var sentence = extract("This is a sentence.\n\nAnd another.");
      assertEquals("This is a sentence", sentence.title());
      assertEquals(2, sentence.paragraphs().size());
    }

    @Test
    void takesALineOver150CharactersAsProseNotAsTitle() throws Exception {
      String longLine = "Long line without a stop " + "and more words ".repeat(10);
      var article = extract(longLine.strip() + "\n\nBody.");
      assertTrue(article.title().endsWith("…"), article.title());
      assertEquals(2, article.paragraphs().size());
    }

    @Test
    void keepsALoneTitleLineAsTheBody() throws Exception {
      var article = extract("Just a title");
      assertEquals("Just a title", article.title());
      assertEquals(List.of("Just a title"), article.paragraphs());
    }

    @Test
    void letsTheTitleHintWinAndStillDropsCopiesOfIt() throws Exception {
      var article =
          extractor.extract(
              Format.TEXT,
              "Given Title Of Four\n\nBody text.\n\nGiven title of four!",
              "Given Title Of Four");
      assertEquals("Given Title Of Four", article.title());
      assertEquals(List.of("Body text."), article.paragraphs());
    }

    @Test
    void keepsAFirstLineThatDiffersFromTheHintAsAHeading() throws Exception {
      var article = extractor.extract(Format.TEXT, "Own Title\n\nBody text.", "  Hint  ");
      assertEquals("Hint", article.title());
      assertEquals("<h3>Own Title</h3>\n<p>Body text.</p>", article.contentHtml());
    }

    @Test
    void ignoresABlankHint() throws Exception {
      assertEquals("Own Title", extractor.extract(Format.TEXT, "Own Title\n\nBody.", " ").title());
    }

    @Test
    void doesNotDropALineThatMerelyStartsWithAShortTitle() throws Exception {
      var article = extract("Ketamine\n\nKetamine works fast.");
      assertEquals(List.of("Ketamine works fast."), article.paragraphs());
    }
  }

  @Nested
  class LineEndings {

    @Test
    void readsCrlfText() throws Exception {
      var article = extract("Title\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n");
      assertEquals("Title", article.title());
      assertEquals(List.of("First paragraph.", "Second paragraph."), article.paragraphs());
      assertFalse(article.plainText().contains("\r"));
    }

    @Test
    void readsOldMacCrText() throws Exception {
      assertEquals(List.of("Body."), extract("Title\r\rBody.").paragraphs());
    }

    @Test
    void dropsAByteOrderMarkLeftInTheBody() throws Exception {
      assertEquals("Title", extract("\uFEFFTitle\n\nBody.").title());
    }
  }

  @Nested
  class Paragraphs {

    private static final String WRAPPED =
        """
        A Wrapped Letter

        Introduction
        This paragraph was hard-wrapped by an editor at seventy-two columns, so
        every line ends early and the lines must be joined back into a single
        paragraph.

        The second paragraph is also wrapped, and it ends with a short line that
        stops here.
        A third paragraph starts without a blank line after a short final line
        of the paragraph before.
        """;

    @Test
    void joinsHardWrappedLinesIntoParagraphs() throws Exception {
      var article = extract(WRAPPED);
      assertEquals("A Wrapped Letter", article.title());
      assertEquals(
          List.of(
              "Introduction",
              "This paragraph was hard-wrapped by an editor at seventy-two columns, so every line"
                  + " ends early and the lines must be joined back into a single paragraph.",
              "The second paragraph is also wrapped, and it ends with a short line that stops"
                  + " here.",
              "A third paragraph starts without a blank line after a short final line of the"
                  + " paragraph before."),
          article.paragraphs());
      assertTrue(article.contentHtml().startsWith("<h3>Introduction</h3>"), article.contentHtml());
    }

    @Test
    void joinsParagraphsWithBlankLinesInPlainText() throws Exception {
      var article = extract("Title\n\nOne.\nTwo.\n\n\nThree.");
      assertEquals("One.\n\nTwo.\n\nThree.", article.plainText());
    }

    @Test
    void keepsAShortLastLineAsAParagraphNotAHeading() throws Exception {
      var article = extract("Title\n\nBody text.\n\nThe End");
      assertEquals("<p>Body text.</p>\n<p>The End</p>", article.contentHtml());
    }

    @Test
    void turnsEveryBulletGlyphIntoAListItem() throws Exception {
      var article =
          extract("Title\n\nIntro text.\n• one\n◦ two\n▪ three\n- four\n* five\n· six\n\nAfter.");
      String html = article.contentHtml();
      assertTrue(
          html.contains(
              "<ul><li>one</li><li>two</li><li>three</li><li>four</li><li>five</li><li>six</li></ul>"),
          html);
      assertTrue(article.paragraphs().containsAll(List.of("one", "six")));
    }

    @Test
    void doesNotMistakeANegativeNumberOrEmphasisForABullet() throws Exception {
      var article = extract("Title\n\n-5 degrees outside today.\n*Really* cold.");
      assertFalse(article.contentHtml().contains("<li>"), article.contentHtml());
    }

    @Test
    void joinsAWrappedBulletWithItsContinuationLine() throws Exception {
      var article =
          extract(
              "Title\n\n- the first item is long enough that the editor had to wrap\n"
                  + "  it onto a second line\n- the second item");
      assertEquals(
          List.of(
              "the first item is long enough that the editor had to wrap it onto a second line",
              "the second item"),
          article.paragraphs());
    }

    @Test
    void escapesMarkupInTheText() throws Exception {
      var article = extract("Title\n\nA < b & \"c\" > <script>alert(1)</script>");
      assertEquals(
          "<p>A &lt; b &amp; &quot;c&quot; &gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>",
          article.contentHtml());
    }
  }

  @Nested
  class TrailingHashtagLines {

    @Test
    void keepsAHashtagLineThatIsFollowedByProse() throws Exception {
      var article = extract("Title\n\nBody.\n\n#NotTrailing #Tags\n\nMore prose follows here.");
      assertEquals(List.of(), article.tags());
      assertTrue(article.plainText().contains("#NotTrailing"));
    }

    @Test
    void keepsATrailingTitleLikeLineWhenThereAreNoHashtags() throws Exception {
      var article = extract("Title\n\nBody.\n\nRelated Headline Without Hashtags");
      assertTrue(article.plainText().endsWith("Related Headline Without Hashtags"));
    }

    @Test
    void takesTrailingHashtagsOnTheirOwn() throws Exception {
      var article = extract("Title\n\nBody.\n#MentalHealth #PTSDCare #mental_health");
      assertEquals(List.of("mental-health", "ptsd-care"), article.tags());
      assertEquals(List.of("Body."), article.paragraphs());
    }
  }
}
