package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Title, author, date and canonical rules on one-line pages. */
class MetadataTest {

  private static final String URL = "https://www.site.example/a/b";

  private static WebPage page(String head, String body) {
    return new WebPageExtractor()
        .extract("<html><head>" + head + "</head><body>" + body + "</body></html>", URL);
  }

  private static String jsonLd(String json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
  }

  @Nested
  class Authors {

    @Test
    void readsAJsonLdAuthorGivenAsAString() {
      String head = jsonLd("{\"@type\":\"NewsArticle\",\"author\":\"Ada Byron\"}");
      assertEquals("Ada Byron", page(head, "").author());
    }

    @Test
    void readsAJsonLdAuthorGivenAsAPerson() {
      String head =
          jsonLd("{\"@type\":\"Article\",\"author\":{\"@type\":\"Person\",\"name\":\"Ada\"}}");
      assertEquals("Ada", page(head, "").author());
    }

    @Test
    void readsAJsonLdBlockWrappedInCdataMarkers() {
      String head =
          jsonLd("//<![CDATA[\n{\"@type\":\"BlogPosting\",\"author\":\"Grace Hopper\"}\n//]]>");
      assertEquals("Grace Hopper", page(head, "").author());
    }

    @Test
    void readsTheTextOfARelAuthorLink() {
      assertEquals("Jo Bloggs", page("", "<a rel=\"author\" href=\"/jo\">Jo Bloggs</a>").author());
    }

    @Test
    void readsTheNameInsideAnItempropAuthor() {
      String body =
          "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Kim Lee</span></span>";
      assertEquals("Kim Lee", page("", body).author());
    }

    @Test
    void stripsByFromAByline() {
      assertEquals("Sam Roe", page("", "<p class=\"byline\">By: Sam Roe</p>").author());
    }

    @Test
    void prefersTheMetaAuthorToTheByline() {
      String head = "<meta name=\"author\" content=\"Meta Name\">";
      assertEquals("Meta Name", page(head, "<p class=\"byline\">By Other</p>").author());
    }

    @Test
    void ignoresAnAuthorBoxTooLongToBeAName() {
      String body = "<div class=\"byline\">" + "Words ".repeat(40) + "</div>";
      assertNull(page("", body).author());
    }
  }

  @Nested
  class Dates {

    @Test
    void prefersArticlePublishedTimeToJsonLd() {
      String head =
          "<meta property=\"article:published_time\" content=\"2024-01-01T00:00:00Z\">"
              + jsonLd("{\"@type\":\"Article\",\"datePublished\":\"2023-01-01\"}");
      assertEquals(Instant.parse("2024-01-01T00:00:00Z"), page(head, "").published());
    }

    @Test
    void readsATimeElementInTheArticleButNotOneElsewhere() {
      assertEquals(
          Instant.parse("2022-06-01T00:00:00Z"),
          page("", "<article><time datetime=\"2022-06-01\">June</time></article>").published());
      assertNull(
          page("", "<div class=\"c\"><time datetime=\"2022-06-01\">x</time></div>").published());
    }

    @Test
    void readsAPlainDateFromMetaNameDate() {
      assertEquals(
          Instant.parse("2021-09-30T00:00:00Z"),
          page("<meta name=\"date\" content=\"30 September 2021\">", "").published());
    }
  }

  @Nested
  class TitlesAndUrls {

    @Test
    void prefersTwitterTitleToTheTitleElement() {
      String head = "<title>Long title | Site</title><meta name=\"twitter:title\" content=\"T\">";
      assertEquals("T", page(head, "").title());
    }

    @Test
    void removesTheHostNameWithoutWwwFromTheTitle() {
      assertEquals("Story", page("<title>Story | Site.example</title>", "").title());
    }

    @Test
    void prefersTheCanonicalLinkToOgUrl() {
      String head =
          "<link rel=\"canonical\" href=\"https://site.example/c\">"
              + "<meta property=\"og:url\" content=\"https://site.example/og\">";
      assertEquals("https://site.example/c", page(head, "").canonicalUrl());
    }

    @Test
    void ignoresACanonicalThatIsNotAWebAddress() {
      String head = "<link rel=\"canonical\" href=\"javascript:alert(1)\">";
      assertEquals(URL, page(head, "").canonicalUrl());
    }

    @Test
    void readsMetaKeysWhicheverAttributeAndCaseTheyUse() {
      Document document =
          Jsoup.parse("<meta name=\"OG:Title\" content=\" A \"><meta property=\"x\" content=\"\">");
      MetaTags meta = MetaTags.of(document);
      assertEquals("A", meta.first("og:title"));
      assertNull(meta.first("x"));
    }
  }
}
