package dev.tributary.cluster;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import dev.tributary.store.StoredArticle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored article as it travels between members: plain JSON, because our records go by reference
 * on the local bus and cannot cross the cluster. The shape is in docs/ARCHITECTURE.md ("Clustered
 * deployment"): {@code {"origin", "seq", "article": {...every field of Article...}}}.
 */
public final class ArticleEvent {
  private ArticleEvent() {}

  public static JsonObject toJson(String origin, StoredArticle stored) {
    Article a = stored.article();
    JsonArray topics = new JsonArray();
    for (ArticleTopic t : a.topics()) {
      topics.add(
          new JsonObject().put("slug", t.slug()).put("label", t.label()).put("score", t.score()));
    }
    JsonObject article =
        new JsonObject()
            .put("id", a.id())
            .put("title", a.title())
            .put("summary", a.summary())
            .put("contentHtml", a.contentHtml())
            .put("text", a.text())
            .put("url", a.url())
            .put("sourceId", a.source().id())
            .put("sourceTitle", a.source().title())
            .put("author", a.author())
            .put("published", a.published().toString())
            .put("ingested", a.ingested().toString())
            .put("topics", topics)
            .put("tags", new JsonArray(new ArrayList<>(a.tags())))
            .put("storyId", a.storyId())
            .put("alsoIn", alsoIn(a));
    return new JsonObject().put("origin", origin).put("seq", stored.seq()).put("article", article);
  }

  private static JsonArray alsoIn(Article a) {
    JsonArray copies = new JsonArray();
    for (StoryCopy c : a.alsoIn()) {
      copies.add(
          new JsonObject()
              .put("id", c.id())
              .put("sourceId", c.source().id())
              .put("sourceTitle", c.source().title())
              .put("url", c.url()));
    }
    return copies;
  }

  private static List<StoryCopy> alsoIn(JsonObject a) {
    List<StoryCopy> copies = new ArrayList<>();
    JsonArray json = a.getJsonArray("alsoIn");
    if (json == null) return copies; // from a member that knows no stories yet
    for (Object o : json) {
      JsonObject c = (JsonObject) o;
      copies.add(
          new StoryCopy(
              c.getString("id"),
              new SourceRef(c.getString("sourceId"), c.getString("sourceTitle")),
              c.getString("url")));
    }
    return copies;
  }

  public static String origin(JsonObject event) {
    return event.getString("origin");
  }

  /** The event as the local {@code tributary.article.stored} carries it (always a new article). */
  public static StoredArticle fromJson(JsonObject event) {
    JsonObject a = event.getJsonObject("article");
    List<ArticleTopic> topics = new ArrayList<>();
    for (Object t : a.getJsonArray("topics")) {
      JsonObject topic = (JsonObject) t;
      topics.add(
          new ArticleTopic(
              topic.getString("slug"), topic.getString("label"), topic.getDouble("score")));
    }
    List<String> tags = new ArrayList<>();
    for (Object tag : a.getJsonArray("tags")) tags.add((String) tag);
    Article article =
        new Article(
            a.getString("id"),
            a.getString("title"),
            a.getString("summary"),
            a.getString("contentHtml"),
            a.getString("text"),
            a.getString("url"),
            new SourceRef(a.getString("sourceId"), a.getString("sourceTitle")),
            a.getString("author"),
            Instant.parse(a.getString("published")),
            Instant.parse(a.getString("ingested")),
            topics,
            tags,
            a.getString("storyId"),
            alsoIn(a));
    return new StoredArticle(article, true, event.getLong("seq"));
  }
}
