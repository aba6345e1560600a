package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Format;
import dev.tributary.ingest.BodyDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The five messy sample articles in samples/articles, read the way the inbox reads them. */
class SampleArticlesTest {

  private static final Path SAMPLES = Path.of("samples", "articles");

  private static ExtractedArticle extract(String fileName) throws Exception {
    byte[] bytes = Files.readAllBytes(SAMPLES.resolve(fileName));
    return new ArticleExtractor().extract(Format.TEXT, BodyDecoder.decode(bytes, 1 << 20), null);
  }

  private static void assertTitleNotRepeated(ExtractedArticle article) {
    RepeatedTitle repeated = new RepeatedTitle(article.title());
    assertTrue(
        article.paragraphs().stream().noneMatch(repeated::matches),
        () -> "title repeated in " + article.paragraphs());
  }

  private static void assertSummaryIsTheStartOfTheBody(ExtractedArticle article) {
    String summary = article.summary();
    assertTrue(summary.length() <= 300, "summary has " + summary.length() + " chars");
    assertTrue(summary.endsWith("…"), summary);
    String withoutEllipsis = summary.substring(0, summary.length() - 1);
    assertTrue(article.plainText().startsWith(withoutEllipsis + " "), summary);
  }

  private static long count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1L;
  }

  @Nested
  class EmbracingHope000 {
    private final ExtractedArticle article = extract("000_4df5721ed5792e6c.txt");

    EmbracingHope000() throws Exception {}

    @Test
    void takesTheFirstLineAsTitle() {
      assertEquals(
          "Embracing Hope: The Remarkable Promise of Ketamine in Mental Health", article.title());
    }

    @Test
    void keepsEveryParagraphButNotTheTitle() {
      assertEquals(8, article.paragraphs().size());
      assertEquals(8, count(article.contentHtml(), "<p>"));
      assertTrue(article.paragraphs().get(0).startsWith("In recent years, the medical world"));
      assertTitleNotRepeated(article);
    }

    @Test
    void summarisesTheFirstParagraph() {
      assertSummaryIsTheStartOfTheBody(article);
    }

    @Test
    void hasNoTags() {
      assertEquals(List.of(), article.tags());
    }
  }

  @Nested
  class UnlockingThePotential001 {
    private final ExtractedArticle article = extract("001_ab4fd915cb3fcb74.txt");

    UnlockingThePotential001() throws Exception {}

    @Test
    void keepsTheCurlyApostropheInTheTitle() {
      assertEquals(
          "Unlocking the Potential Ketamine Therapy’s Mental Health Benefits", article.title());
    }

    @Test
    void removesTheLinkSpamAndKeepsTheSentence() {
      assertFalse(article.plainText().contains("try this web-site"));
      assertFalse(article.contentHtml().contains("lakeviewmentalhealth"));
      assertTrue(
          article
              .plainText()
              .contains("in cases where other treatments have fallen short. Ketamine therapy is"));
    }

    @Test
    void keepsThreeParagraphsDespiteTheDoubleBlankLine() {
      assertEquals(3, article.paragraphs().size());
      assertTitleNotRepeated(article);
    }

    @Test
    void summaryFitsAFeedReader() {
      assertSummaryIsTheStartOfTheBody(article);
    }
  }

  @Nested
  class NoTitleLine002 {
    private final ExtractedArticle article = extract("002_b0e5d7ceb18831b6.txt");

    NoTitleLine002() throws Exception {}

    @Test
    void derivesTheTitleFromTheFirstSentenceCutAtAWord() {
      String title = article.title();
      assertEquals(
          "In recent years, a revolutionary shift has occurred in the realm of mental health"
              + " treatment, with ketamine emerging as…",
          title);
      assertTrue(title.length() <= 120, title);
    }

    @Test
    void keepsTheFirstSentenceInTheBody() {
      assertTrue(article.paragraphs().get(0).startsWith("In recent years, a revolutionary shift"));
    }

    @Test
    void removesTheInjectedCallNow() {
      assertFalse(article.plainText().contains("Call Now"));
      assertFalse(article.contentHtml().contains("Call Now"));
      assertTrue(
          article
              .plainText()
              .contains(
                  "traditional antidepressants and therapy, ketamine represents a new frontier."));
    }

    @Test
    void keepsOneParagraphPerLine() {
      assertEquals(3, article.paragraphs().size());
      assertSummaryIsTheStartOfTheBody(article);
    }
  }

  @Nested
  class UnlockingHope003 {
    private final ExtractedArticle article = extract("003_1d4fc39c1c0a0362.txt");

    UnlockingHope003() throws Exception {}

    @Test
    void takesTheFirstLineAsTitle() {
      assertEquals(
          "Unlocking Hope: Ketamine emerges as a potential game-changer in treating severe"
              + " depression",
          article.title());
    }

    @Test
    void dropsAllFourRepeatedTitlesIncludingTheOneWithAStrayWord() {
      assertFalse(article.plainText().contains("Unlocking Hope"));
      assertFalse(article.contentHtml().contains("Unlocking Hope"));
      assertEquals("Introduction", article.paragraphs().get(0));
    }

    @Test
    void turnsTheHashtagLineIntoKebabCaseTags() {
      assertEquals(
          List.of(
              "ketamine",
              "depression-treatment",
              "mental-health",
              "treatment-resistant-depression",
              "hope"),
          article.tags());
      assertFalse(article.plainText().contains("#"));
    }

    @Test
    void dropsTheUnrelatedHeadlinesAfterTheHashtags() {
      assertFalse(article.plainText().contains("Alzheimer"));
      assertFalse(article.plainText().contains("Childhood TV Habits"));
      assertTrue(
          article.paragraphs().get(article.paragraphs().size() - 1).startsWith("In , ketamine"));
    }

    @Test
    void makesTheSectionTitlesHeadings() {
      assertEquals(5, count(article.contentHtml(), "<h3>"));
      assertTrue(article.contentHtml().contains("<h3>Reasons for Ketamine’s Success</h3>"));
      assertEquals(12, count(article.contentHtml(), "<p>"));
      assertEquals(17, article.paragraphs().size());
    }

    @Test
    void summarySkipsTheHeading() {
      assertTrue(article.summary().startsWith("In the world of mental health"), article.summary());
      assertTrue(article.summary().length() <= 300);
    }
  }

  @Nested
  class MindAlteringMiracle004 {
    private final ExtractedArticle article = extract("004_cd82d94d1cd90539.txt");

    MindAlteringMiracle004() throws Exception {}

    @Test
    void allowsAQuestionMarkInTheTitle() {
      assertEquals("Ketamine: A Mind-Altering Miracle or a Dangerous Drug?", article.title());
    }

    @Test
    void turnsBulletsIntoAListWithoutTheGlyph() {
      assertFalse(article.plainText().contains("•"));
      assertFalse(article.contentHtml().contains("•"));
      assertEquals(1, count(article.contentHtml(), "<ul>"));
      assertEquals(4, count(article.contentHtml(), "<li>"));
      assertTrue(article.contentHtml().contains("<ul><li>As the infusion progressed"));
    }

    @Test
    void makesShortLinesFollowedByTextHeadings() {
      String html = article.contentHtml();
      assertTrue(html.contains("<h3>Delving into the Realm of Ketamine</h3>"), html);
      assertTrue(html.contains("<h3>Call to Action</h3>"), html);
      assertEquals(5, count(html, "<h3>"));
    }

    @Test
    void keepsOneParagraphPerLineAndDropsIndentation() {
      assertEquals(30, article.paragraphs().size());
      assertTrue(article.paragraphs().stream().noneMatch(p -> p.startsWith(" ")));
      assertEquals(
          "Together, we can break the stigma surrounding mental health and create a brighter"
              + " future for all.",
          article.paragraphs().get(29));
      assertTitleNotRepeated(article);
    }

    @Test
    void leavesApostrophesReadable() {
      assertTrue(article.contentHtml().contains("But there's more"));
      assertSummaryIsTheStartOfTheBody(article);
    }
  }
}
