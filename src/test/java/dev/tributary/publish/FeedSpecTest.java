package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.article.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSpecTest {

  @Test
  void siteFeedIsUpdatedWhenItsNewestArticleWasIngested() {
    List<Article> articles = List.of(SampleArticles.inboxNote(), SampleArticles.ketamineTrial());

    FeedSpec spec = FeedSpec.site("Tributary", "", "http://localhost:8080", articles);

    assertEquals(SampleArticles.INGESTED, spec.updated());
    assertEquals("http://localhost:8080/feed.atom", spec.feedUrl(FeedFormat.ATOM));
    assertEquals(FeedIds.feedId("feed"), spec.feedId());
  }

  @Test
  void emptyFeedIsUpdatedAtAFixedInstant() {
    FeedSpec spec = FeedSpec.site("Tributary", "", "http://localhost:8080", List.of());

    assertEquals(Instant.parse("2000-01-01T00:00:00Z"), spec.updated(), "fixed, and after 1990");
  }

  @Test
  void topicFeedLivesUnderTheTopicPath() {
    FeedSpec spec =
        FeedSpec.topic("ketamine", "Ketamine", "Tributary", "http://localhost:8080", List.of());

    assertEquals("/topics/ketamine/feed", spec.path());
    assertEquals("topic:ketamine", spec.idKey());
    assertEquals("http://localhost:8080/topics/ketamine/feed.rss", spec.feedUrl(FeedFormat.RSS));
  }

  @Test
  void publicUrlLosesItsTrailingSlash() {
    FeedSpec spec = FeedSpec.site("Tributary", null, "https://news.example.org/", List.of());

    assertEquals("https://news.example.org", spec.publicUrl());
    assertEquals("https://news.example.org/", spec.homePageUrl());
    assertEquals("", spec.subtitle());
  }
}
