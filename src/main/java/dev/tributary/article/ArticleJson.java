package dev.tributary.article;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The article as the API shows it (the article in the README's API section). */
public final class ArticleJson {
  private ArticleJson() {}

  public static JsonObject of(Article a) {
    JsonArray topics = new JsonArray();
    for (ArticleTopic t : a.topics()) {
      topics.add(
          new JsonObject()
              .put("slug", t.slug())
              .put("label", t.label())
              .put("score", Math.round(t.score() * 1000) / 1000.0));
    }
    return new JsonObject()
        .put("id", a.id())
        .put("title", a.title())
        .put("summary", a.summary())
        .put("contentHtml", a.contentHtml())
        .put("url", a.url())
        .put("source", new JsonObject().put("id", a.source().id()).put("title", a.source().title()))
        .put("author", a.author())
        .put("published", a.published().toString())
        .put("ingested", a.ingested().toString())
        .put("topics", topics)
        .put("tags", new JsonArray(a.tags()))
        .put("storyId", a.storyId())
        .put("alsoIn", alsoIn(a));
  }

  private static JsonArray alsoIn(Article a) {
    JsonArray copies = new JsonArray();
    for (StoryCopy c : a.alsoIn()) {
      copies.add(
          new JsonObject()
              .put("id", c.id())
              .put(
                  "source",
                  new JsonObject().put("id", c.source().id()).put("title", c.source().title()))
              .put("url", c.url()));
    }
    return copies;
  }
}
