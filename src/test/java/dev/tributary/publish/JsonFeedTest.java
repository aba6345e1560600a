package dev.tributary.publish;

import static dev.tributary.publish.SampleArticles.PUBLIC_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedTest {
  private final Feeds feeds = new Feeds();

  @Test
  void describesTheFeedAsJsonFeedOnePointOne() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    JsonObject feed = new JsonObject(feeds.json(SampleArticles.siteSpec(articles), articles));

    assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
    assertEquals("Tributary", feed.getString("title"));
    assertEquals(PUBLIC_URL + "/", feed.getString("home_page_url"));
    assertEquals(PUBLIC_URL + "/feed.json", feed.getString("feed_url"));
  }

  @Test
  void roundTripsAnItemWithTopicsTagsDatesAndAuthor() {
    Article article = SampleArticles.ketamineTrial();
    JsonObject item =
        onlyItem(feeds.json(SampleArticles.siteSpec(List.of(article)), List.of(article)));

    assertEquals(FeedIds.entryId(article.id()), item.getString("id"));
    assertEquals(article.url(), item.getString("url"));
    assertEquals(article.title(), item.getString("title"));
    assertEquals(article.contentHtml(), item.getString("content_html"));
    assertEquals(article.summary(), item.getString("summary"));
    assertEquals("2026-11-21T10:00:00Z", item.getString("date_published"));
    assertEquals("2026-11-21T10:05:30.123Z", item.getString("date_modified"));
    assertEquals(
        new JsonArray(List.of("treatment-resistant-depression", "ketamine", "clinical-trial")),
        item.getJsonArray("tags"));
    assertEquals("Dana Levi", item.getJsonArray("authors").getJsonObject(0).getString("name"));
  }

  @Test
  void leavesOutAuthorsAndTagsAnArticleDoesNotHave() {
    Article note = SampleArticles.inboxNote();
    JsonObject item = onlyItem(feeds.json(SampleArticles.siteSpec(List.of(note)), List.of(note)));

    assertFalse(item.containsKey("authors"));
    assertFalse(item.containsKey("tags"));
    assertFalse(item.containsKey("summary"));
    assertEquals(PUBLIC_URL + "/articles/" + note.id(), item.getString("url"));
  }

  @Test
  void emptyFeedHasAnEmptyItemList() {
    JsonObject feed = new JsonObject(feeds.json(SampleArticles.siteSpec(List.of()), List.of()));

    assertTrue(feed.getJsonArray("items").isEmpty());
  }

  @Test
  void topicFeedPointsAtItsOwnUrl() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    FeedSpec topic = FeedSpec.topic("ketamine", "Ketamine", "Tributary", PUBLIC_URL, articles);
    JsonObject feed = new JsonObject(feeds.json(topic, articles));

    assertEquals(PUBLIC_URL + "/topics/ketamine/feed.json", feed.getString("feed_url"));
    assertEquals("Tributary – Ketamine", feed.getString("title"));
  }

  private static JsonObject onlyItem(String json) {
    JsonArray items = new JsonObject(json).getJsonArray("items");
    assertEquals(1, items.size());
    return items.getJsonObject(0);
  }
}
