package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import java.time.Instant;
import java.util.List;

/** Articles for feed tests, named for what they show. */
final class SampleArticles {
  static final String PUBLIC_URL = "http://localhost:8080";
  static final Instant PUBLISHED = Instant.parse("2026-11-21T10:00:00Z");
  static final Instant INGESTED = Instant.parse("2026-11-21T10:05:30.123Z");

  static final ArticleTopic DEPRESSION =
      new ArticleTopic("treatment-resistant-depression", "Treatment-resistant depression", 0.83);
  static final ArticleTopic KETAMINE = new ArticleTopic("ketamine", "Ketamine", 0.71);

  private SampleArticles() {}

  static Article ketamineTrial() {
    return new Article(
        "4df5721ed5792e6c",
        "Ketamine trial reports rapid response",
        "A randomised trial found a rapid antidepressant response.",
        "<p>A <b>randomised</b> trial found a rapid response.</p>",
        "A randomised trial found a rapid response.",
        "https://example.org/news/ketamine-trial",
        new SourceRef("example", "Example News"),
        "Dana Levi",
        PUBLISHED,
        INGESTED,
        List.of(DEPRESSION, KETAMINE),
        List.of("ketamine", "clinical-trial"));
  }

  /** From the inbox: no URL, no author, no topics, no summary. */
  static Article inboxNote() {
    return new Article(
        "ab4fd915cb3fcb74",
        "A note dropped in the inbox",
        "",
        "<p>Just a note.</p>",
        "Just a note.",
        null,
        SourceRef.INBOX,
        null,
        Instant.parse("2026-11-20T08:00:00Z"),
        Instant.parse("2026-11-20T08:00:01Z"),
        List.of(),
        List.of());
  }

  static Article titled(String id, String title, String summary) {
    return new Article(
        id,
        title,
        summary,
        "<p>" + summary + "</p>",
        summary,
        null,
        SourceRef.API,
        null,
        PUBLISHED,
        INGESTED,
        List.of(KETAMINE),
        List.of());
  }

  static FeedSpec siteSpec(List<Article> articles) {
    return FeedSpec.site("Tributary", "Research news, tagged", PUBLIC_URL, articles);
  }
}
