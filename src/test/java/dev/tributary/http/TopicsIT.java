package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxonomy as operators change it: a topic taught by examples alone, re-tagging stored
 * articles, and the taxonomy file reloaded while the server runs.
 */
class TopicsIT {
  @TempDir Path dataDir;
  Path topicsFile;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    topicsFile = dataDir.resolve("topics.json");
    JsonObject taxonomy = new JsonObject(Files.readString(Path.of("conf/topics.json")));
    taxonomy
        .getJsonArray("topics")
        .add(new JsonObject().put("slug", "sourdough").put("label", "Sourdough baking"));
    Files.writeString(topicsFile, taxonomy.encodePrettily());
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject().put("topics", new JsonObject().put("file", topicsFile.toString())));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  JsonObject post(String title, String text) throws Exception {
    var response =
        server.post(
            "/api/articles?title=" + java.net.URLEncoder.encode(title, "UTF-8"),
            "text/plain",
            text,
            server.token);
    assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
    return new JsonObject(response.body());
  }

  static List<String> slugs(JsonObject article) {
    return article.getJsonArray("topics").stream()
        .map(t -> ((JsonObject) t).getString("slug"))
        .toList();
  }

  static final String[] BREAD = {
    "Feed your sourdough starter with equal weights of flour and water, then wait for the levain to double before you mix the dough. A long cold proof in the fridge deepens the sour flavour of the loaf.",
    "Our bakery shapes each sourdough boule by hand. The wild yeast starter ferments the dough for eighteen hours, and the crust blisters in a hot Dutch oven. Score the loaf before baking.",
    "A sourdough loaf needs patience: autolyse the flour, add the starter and salt, stretch and fold the dough every half hour, then proof it overnight. Bake the bread until the crust is deep brown.",
  };

  @Test
  void aTopicWithNoTermsLearnsFromExamples() throws Exception {
    String before =
        "Crusty bread at home\n\nMix the flour with the ripe starter, fold the dough through the afternoon, proof the loaf overnight and bake it in a Dutch oven for a blistered crust.";
    assertFalse(slugs(post("Crusty bread at home", before)).contains("sourdough"));

    JsonArray texts = new JsonArray();
    for (String t : BREAD) texts.add(new JsonObject().put("title", "Sourdough").put("text", t));
    assertEquals(
        401,
        server
            .post(
                "/api/topics/sourdough/examples",
                "application/json",
                new JsonObject().put("texts", texts).encode(),
                null)
            .statusCode());
    assertEquals(
        404,
        server
            .post(
                "/api/topics/no-such/examples",
                "application/json",
                new JsonObject().put("texts", texts).encode(),
                server.token)
            .statusCode());
    var taught =
        server.post(
            "/api/topics/sourdough/examples",
            "application/json",
            new JsonObject().put("texts", texts).encode(),
            server.token);
    assertEquals(201, taught.statusCode(), taught.body());
    assertEquals(3, new JsonObject(taught.body()).getInteger("examples"));

    JsonObject similar =
        post(
            "Weekend baking",
            "Weekend baking\n\nI fed the starter on Friday, mixed the dough with rye flour, folded it four times, gave the loaf a cold overnight proof and baked a crusty sourdough boule.");
    assertTrue(slugs(similar).contains("sourdough"), similar.encode());
    JsonObject unrelated =
        post(
            "Ketamine clinic",
            "Ketamine clinic\n\nThe clinic offers ketamine infusions for treatment-resistant depression under medical supervision.");
    assertFalse(slugs(unrelated).contains("sourdough"), unrelated.encode());
  }

  @Test
  void retagAppliesTaughtExamplesToStoredArticles() throws Exception {
    JsonObject stored =
        post(
            "Crusty bread at home",
            "Crusty bread at home\n\nFeed the starter, mix the dough with flour and water, fold it, proof the loaf overnight and bake a crusty sourdough bread.");
    assertFalse(slugs(stored).contains("sourdough"));
    JsonArray texts = new JsonArray();
    for (String t : BREAD) texts.add(t);
    assertEquals(
        201,
        server
            .post(
                "/api/topics/sourdough/examples",
                "application/json",
                new JsonObject().put("texts", texts).encode(),
                server.token)
            .statusCode());

    assertEquals(
        401, server.post("/api/topics/retag", "application/json", "{}", null).statusCode());
    var retag = server.post("/api/topics/retag", "application/json", "{}", server.token);
    assertEquals(200, retag.statusCode(), retag.body());
    assertEquals(1, new JsonObject(retag.body()).getInteger("articles"));
    assertEquals(1, new JsonObject(retag.body()).getInteger("changed"));

    JsonObject after = new JsonObject(server.get("/api/articles/" + stored.getString("id")).body());
    assertTrue(slugs(after).contains("sourdough"), after.encode());
    String feed = server.get("/topics/sourdough/feed.atom").body();
    assertTrue(feed.contains("Crusty bread at home"), "the topic feed follows the re-tag");
  }

  @Test
  void anEditedTaxonomyFileTakesEffectWithoutARestart() throws Exception {
    JsonObject taxonomy = new JsonObject(Files.readString(topicsFile));
    taxonomy
        .getJsonArray("topics")
        .add(
            new JsonObject()
                .put("slug", "psilocybin")
                .put("label", "Psilocybin")
                .put("terms", new JsonArray().add("psilocybin")));
    Files.writeString(topicsFile, taxonomy.encodePrettily());
    TestServer.awaitCondition(
        "the new topic in /api/topics",
        () -> {
          try {
            return server.get("/api/topics").body().contains("\"psilocybin\"");
          } catch (Exception e) {
            return false;
          }
        });
    JsonObject article =
        post(
            "Psilocybin trial",
            "Psilocybin trial\n\nA psilocybin study reports psilocybin sessions helped. Psilocybin was given twice.");
    assertTrue(slugs(article).contains("psilocybin"), article.encode());
    assertEquals(200, server.get("/topics/psilocybin/feed.atom").statusCode());

    Files.writeString(topicsFile, "{ broken");
    assertEquals(
        200,
        server.get("/topics/psilocybin/feed.atom").statusCode(),
        "a broken file keeps the old taxonomy");
  }

  @Test
  void explainShowsEachTopicsScoreThresholdAndMentions() throws Exception {
    JsonObject article =
        post(
            "Ketamine infusions for depression",
            "Ketamine infusions for depression\n\nThe clinic gives ketamine infusions to patients with depression.\n\nPatients with depression said ketamine helped.");
    JsonObject explained =
        new JsonObject(
            server.get("/api/articles/" + article.getString("id") + "?explain=true").body());
    JsonArray topics = explained.getJsonArray("explanation");
    JsonObject ketamine =
        topics.stream()
            .map(JsonObject.class::cast)
            .filter(t -> t.getString("slug").equals("ketamine"))
            .findFirst()
            .orElseThrow();
    assertTrue(ketamine.getBoolean("applied"));
    assertTrue(ketamine.getDouble("score") >= ketamine.getDouble("threshold"));
    JsonArray evidence = ketamine.getJsonArray("evidence");
    assertEquals("Ketamine", evidence.getJsonObject(0).getString("text"));
    assertEquals("title", evidence.getJsonObject(0).getString("zone"));
    assertTrue(evidence.getJsonObject(0).getDouble("contribution") > 0);
    assertTrue(ketamine.getString("reason").startsWith("applied: score"), ketamine.encode());
    // The body's 15 words: the saturation of a short text, 4 · (0.4 + 0.6 · 15 / 150) = 1.84,
    // raised to its floor, 2.03 (docs/TOPICS.md, "Length").
    assertEquals(15, ketamine.getInteger("bodyWords"));
    assertEquals(2.03, ketamine.getDouble("saturation"), 1e-9);
    assertEquals(
        ketamine.getDouble("rules"),
        1 - Math.exp(-ketamine.getDouble("evidenceSum") / ketamine.getDouble("saturation")),
        0.002);
    assertEquals(0, ketamine.getJsonArray("vetoed").size());
    assertFalse(
        new JsonObject(server.get("/api/articles/" + article.getString("id")).body())
            .containsKey("explanation"));
  }
}
