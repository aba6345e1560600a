package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Whole pages, as fetched, read into a {@link WebPage}. */
class WebPageExtractorTest {

  private static final WebPageExtractor EXTRACTOR = new WebPageExtractor();

  static WebPage extract(String fixture, String pageUrl) {
    return EXTRACTOR.extract(fixture(fixture), pageUrl);
  }

  static String fixture(String name) {
    try (InputStream in = WebPageExtractorTest.class.getResourceAsStream("/web/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected «" + needle + "» in:\n" + haystack);
  }

  static void assertLacks(String haystack, String needle) {
    assertFalse(
        haystack.toLowerCase().contains(needle.toLowerCase()),
        () -> "did not expect «" + needle + "» in:\n" + haystack);
  }

  /** Every href and src in the content is an absolute http(s) URL. */
  static void assertLinksAbsolute(String html) {
    for (var element : Jsoup.parseBodyFragment(html).select("[href], [src]")) {
      String url = element.hasAttr("href") ? element.attr("href") : element.attr("src");
      assertTrue(url.matches("https?://.+"), () -> "relative or odd URL " + url + " in " + html);
    }
  }

  @Nested
  class NewsArticleWithNavSidebarCommentsAndRelatedLinks {

    private final WebPage page =
        extract(
            "news-article-with-nav-sidebar-comments-and-related.html",
            "https://www.riversidecourier.example/news/2024/03/river-restoration-plan?utm=feed");

    @Test
    void takesTheTitleWithoutTheSiteNameSuffix() {
      assertEquals("City council approves river restoration plan", page.title());
    }

    @Test
    void resolvesTheRelativeCanonicalLinkAgainstThePage() {
      assertEquals(
          "https://www.riversidecourier.example/news/2024/03/river-restoration-plan",
          page.canonicalUrl());
    }

    @Test
    void readsAuthorDateAndSiteNameFromTheMetaTags() {
      assertEquals("Maria Okafor", page.author());
      assertEquals(Instant.parse("2024-03-05T08:30:00Z"), page.published());
      assertEquals("The Riverside Courier", page.siteName());
    }

    @Test
    void keepsEveryParagraphOfTheStoryAndItsImage() {
      assertContains(page.plainText(), "The city council voted on Tuesday evening");
      assertContains(page.plainText(), "according to documents published by the council.");
      assertContains(page.plainText(), "said councillor Priya Shah");
      assertContains(page.plainText(), "reviewed every six months.");
      assertContains(page.plainText(), "earlier coverage of the consultation.");
      assertContains(
          page.contentHtml(), "src=\"https://www.riversidecourier.example/images/weir-river.jpg\"");
    }

    @Test
    void dropsNavigationSidebarCommentsRelatedLinksAdsAndFooter() {
      for (String boilerplate :
          List.of(
              "Sport",
              "Home",
              "Most read",
              "Bus timetable",
              "Related stories",
              "Kingfishers return to the Weir",
              "About time",
              "compensation fund is too small",
              "Post comment",
              "Advertisement",
              "Share on Social",
              "All rights reserved",
              "dataLayer")) {
        assertLacks(page.contentHtml(), boilerplate);
      }
    }

    @Test
    void dropsTheHeadlineAndBylineFromTheBody() {
      assertFalse(page.plainText().startsWith("City council approves"), page.plainText());
      assertLacks(page.plainText(), "By Maria Okafor");
    }

    @Test
    void makesRelativeLinksAbsoluteAgainstThePageUrl() {
      assertContains(
          page.contentHtml(),
          "href=\"https://www.riversidecourier.example/news/2024/03/documents/river-plan.pdf\"");
      assertContains(
          page.contentHtml(),
          "href=\"https://www.riversidecourier.example/news/2024/2023/11/river-consultation\"");
      assertLinksAbsolute(page.contentHtml());
    }

    @Test
    void separatesParagraphsWithBlankLinesInThePlainText() {
      // five paragraphs and the caption of the picture
      assertEquals(6, page.plainText().split("\n\n").length, page.plainText());
    }
  }

  @Nested
  class BlogPostWithJsonLd {

    private final WebPage page =
        extract("blog-post-with-json-ld.html", "https://crumb.example/2023/sourdough-at-altitude/");

    @Test
    void removesTheSiteNameAfterAnEnDashFromTheTitle() {
      assertEquals("Sourdough at altitude", page.title());
    }

    @Test
    void namesEveryAuthorIncludingOneReferencedById() {
      assertEquals("Inés Álvarez, Tom Reyes", page.author());
    }

    @Test
    void takesTheDatePublishedNotTheDateModified() {
      assertEquals(Instant.parse("2023-11-18T07:45:00Z"), page.published());
    }

    @Test
    void takesTheSiteNameFromThePublisher() {
      assertEquals("Crumb & Crust", page.siteName());
    }

    @Test
    void fallsBackToThePageUrlWhenThereIsNoCanonical() {
      assertEquals("https://crumb.example/2023/sourdough-at-altitude/", page.canonicalUrl());
    }

    @Test
    void keepsHeadingsListsAndParagraphsOfThePost() {
      assertContains(page.contentHtml(), "<h3>Less yeast, more time</h3>");
      assertContains(page.contentHtml(), "<li>Feed the starter 1:5:5 the night before");
      assertContains(page.plainText(), "smelled of nail varnish by the second morning.");
      assertContains(page.plainText(), "for the feeding schedule.");
    }

    @Test
    void dropsShareButtonsWidgetsAndPostMeta() {
      for (String boilerplate :
          List.of("Share this", "Facebook", "Archives", "Newsletter", "Posted on", "Recipes")) {
        assertLacks(page.contentHtml(), boilerplate);
      }
    }
  }

  @Nested
  class PageWithOnlyATitleAndParagraphs {

    private final WebPage page =
        extract("plain-page-with-only-title-and-paragraphs.html", "https://gearshed.example/n/1");

    @Test
    void removesTheHostNamedAfterAHyphenFromTheTitle() {
      assertEquals("Notes on mending a bicycle chain", page.title());
    }

    @Test
    void leavesWhatThePageDoesNotSayEmpty() {
      assertNull(page.author());
      assertNull(page.published());
      assertNull(page.siteName());
      assertEquals("https://gearshed.example/n/1", page.canonicalUrl());
    }

    @Test
    void keepsAllThreeParagraphs() {
      assertEquals(3, page.plainText().split("\n\n").length, page.plainText());
      assertTrue(page.plainText().startsWith("A chain rarely breaks without warning."));
      assertTrue(page.plainText().endsWith("when you get home."));
    }
  }

  @Nested
  class MagazinePageWithOpenGraphTagsAndAByline {

    private final WebPage page =
        extract(
            "magazine-page-with-og-tags-and-byline.html",
            "https://slowtravel.example/features/night-trains?ref=home");

    @Test
    void prefersTheOpenGraphTitleToTheTwitterTitleAndTheTitleElement() {
      assertEquals("The quiet return of the night train", page.title());
    }

    @Test
    void takesTheCanonicalUrlFromOgUrl() {
      assertEquals("https://slowtravel.example/features/night-trains", page.canonicalUrl());
    }

    @Test
    void takesTheAuthorFromTheBylineWhenArticleAuthorIsOnlyAProfileUrl() {
      assertEquals("Henrik Lund", page.author());
    }

    @Test
    void readsAnRfc1123DublinCoreDate() {
      assertEquals(Instant.parse("2024-01-12T06:00:00Z"), page.published());
    }

    @Test
    void loadsLazyImagesAndResolvesLinksAgainstTheBaseElement() {
      assertContains(
          page.contentHtml(), "src=\"https://slowtravel.example/features/images/couchette.jpg\"");
      assertContains(
          page.contentHtml(), "href=\"https://slowtravel.example/features/night-trains-map\"");
      assertLacks(page.contentHtml(), "data:image");
      assertLinksAbsolute(page.contentHtml());
    }

    @Test
    void keepsTheArticleInsideMainAndDropsMenuBylineAndNewsletter() {
      assertContains(page.plainText(), "the night train was a relic");
      assertContains(page.plainText(), "the saving on a hotel night.");
      for (String boilerplate : List.of("Subscribe", "by Henrik Lund", "in your inbox")) {
        assertLacks(page.plainText(), boilerplate);
      }
    }
  }

  @Nested
  class HostilePageWithScriptsHandlersAndAnIframe {

    private final WebPage page =
        extract(
            "hostile-page-with-scripts-handlers-and-iframe.html",
            "https://normal.example/a/article.html");

    @Test
    void keepsTheText() {
      assertContains(page.plainText(), "to count as real content.");
      assertContains(page.plainText(), "safe link with a handler");
      assertContains(page.plainText(), "some more ordinary text to read.");
    }

    @Test
    void leavesNoScriptHandlerStyleFrameFormOrEmbed() {
      for (String unsafe :
          List.of(
              "<script",
              "alert(",
              "onclick=",
              "onerror=",
              "onmouseover=",
              "onload=",
              "javascript:",
              "<iframe",
              "<object",
              "<form",
              "<input",
              "<svg",
              "<style",
              "style=",
              "evil.")) {
        assertLacks(page.contentHtml(), unsafe);
      }
    }

    @Test
    void keepsSafeLinksAbsoluteAndMarkedNofollow() {
      assertContains(
          page.contentHtml(), "<a href=\"https://normal.example/safe\" rel=\"nofollow noopener\">");
      assertLinksAbsolute(page.contentHtml());
    }

    @Test
    void skipsAnUnparseableMetaDateForTheTimeInTheArticle() {
      assertEquals(Instant.parse("2024-02-29T00:00:00Z"), page.published());
    }
  }

  @Nested
  class DegeneratePages {

    @Test
    void readsAnEmptyPageAsEmptyContentWithThePageUrl() {
      WebPage page = EXTRACTOR.extract("", "https://empty.example/");
      assertNull(page.title());
      assertEquals("https://empty.example/", page.canonicalUrl());
      assertEquals("", page.contentHtml());
      assertEquals("", page.plainText());
    }

    @Test
    void readsANullPageAsAnEmptyOne() {
      assertEquals("", EXTRACTOR.extract(null, "https://empty.example/").plainText());
    }

    @Test
    void flattensHostilelyDeepNestingInsteadOfTakingQuadraticTime() {
      String deep = "<div>".repeat(20_000) + "<p>Still found, at the bottom, after all.</p>";
      WebPage page =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> EXTRACTOR.extract(deep, "https://deep.example/"));
      assertEquals("Still found, at the bottom, after all.", page.plainText());
    }

    @Test
    void skipsJsonLdNestedBeyondReason() {
      String html =
          "<script type=\"application/ld+json\">"
              + "[".repeat(10_000)
              + "</script><p class=\"byline\">By Ann</p>";
      assertEquals("Ann", EXTRACTOR.extract(html, "https://x.example/").author());
    }

    @Test
    void takesTheFirstHeadingWhenThereIsNoTitleAtAll() {
      WebPage page =
          EXTRACTOR.extract("<h1> Only a  heading </h1><p>and a line</p>", "https://x.example/");
      assertEquals("Only a heading", page.title());
    }
  }
}
