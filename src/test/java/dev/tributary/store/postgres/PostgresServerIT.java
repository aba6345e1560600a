package dev.tributary.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.AtomSchema;
import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole Tributary on PostgreSQL ({@code store.kind=postgres}): a posted article comes out of the
 * Atom feed and the timeline's full-text search, and survives a restart on the same database.
 */
class PostgresServerIT {
  @TempDir Path dataDir;
  PostgresTestDatabase database;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    database = PostgresTestDatabase.create();
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir, onPostgres(database.uri()));
  }

  static JsonObject onPostgres(String uri) {
    return new JsonObject()
        .put(
            "store",
            new JsonObject()
                .put("kind", "postgres")
                .put("postgres", new JsonObject().put("uri", uri).put("poolSize", 4)));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (vertx != null)
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      if (database != null) database.close();
    }
  }

  @Test
  void aPostedArticleIsInTheAtomFeedAndFoundByItsWordsStemmed() throws Exception {
    var created =
        server.post(
            "/api/articles",
            "text/plain",
            "Lozenges at the clinic\n\nThe clinic now offers oral ketamine lozenges to patients.",
            server.token);
    assertEquals(201, created.statusCode(), created.body());
    String id = new JsonObject(created.body()).getString("id");

    var atom = server.get("/feed.atom");
    assertEquals(200, atom.statusCode());
    AtomSchema.assertValid(atom.body());
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
    assertEquals(1, feed.getEntries().size());
    assertEquals("Lozenges at the clinic", feed.getEntries().get(0).getTitle());

    JsonArray found = items("/api/timeline?q=lozenge%20patient");
    assertEquals(1, found.size(), "stemmed: lozenge matches lozenges, patient patients");
    assertEquals(id, found.getJsonObject(0).getString("id"));
    assertEquals(0, items("/api/timeline?q=lozenges%20weather").size(), "every word must match");
  }

  @Test
  void articlesAreStillThereAfterARestartOnTheSameDatabase() throws Exception {
    var created =
        server.post("/api/articles", "text/plain", "Kept\n\nA durable text.", server.token);
    assertEquals(201, created.statusCode(), created.body());
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir, onPostgres(database.uri()));
    JsonArray items = items("/api/timeline");
    assertEquals(1, items.size());
    assertTrue(items.getJsonObject(0).getString("title").startsWith("Kept"));
  }

  JsonArray items(String path) throws Exception {
    var response = server.get(path);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body()).getJsonArray("items");
  }
}
