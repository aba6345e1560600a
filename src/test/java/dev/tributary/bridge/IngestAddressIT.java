package dev.tributary.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary.ingest} on the event bus: JSON in, the stored article (or a status) out. */
class IngestAddressIT {
  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject().put("http", new JsonObject().put("maxBodyBytes", 2048)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  Message<Object> request(Object body) throws Exception {
    return vertx
        .eventBus()
        .request("tributary.ingest", body)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  ReplyException failure(Object body) throws Exception {
    try {
      request(body);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplyException re) return re;
      throw e;
    }
    throw new AssertionError("expected a failure for " + body);
  }

  @Test
  void repliesWithTheStoredArticleAsTheApiShowsIt() throws Exception {
    Message<Object> reply =
        request(
            new JsonObject()
                .put("markdown", "# Pond life\n\nFrogs returned to the pond in March.")
                .put("url", "https://example.org/pond")
                .put("published", "2025-03-02T08:00:00Z"));
    JsonObject article = (JsonObject) reply.body();
    assertEquals("true", reply.headers().get("created"));
    assertEquals("Pond life", article.getString("title"));
    assertEquals("https://example.org/pond", article.getString("url"));
    assertEquals("2025-03-02T08:00:00Z", article.getString("published"));
    JsonObject viaApi =
        new JsonObject(server.get("/api/articles/" + article.getString("id")).body());
    assertEquals(viaApi, article);
  }

  @Test
  void refusesBadInputWith400NamingTheField() throws Exception {
    assertEquals(400, failure("just a string").failureCode());
    assertEquals(400, failure(new JsonObject().put("title", "no body")).failureCode());
    ReplyException two = failure(new JsonObject().put("text", "a").put("html", "<p>b</p>"));
    assertEquals(400, two.failureCode());
    ReplyException unknown = failure(new JsonObject().put("text", "a").put("author", "me"));
    assertEquals(400, unknown.failureCode());
    assertTrue(unknown.getMessage().contains("'author'"), unknown.getMessage());
    ReplyException date = failure(new JsonObject().put("text", "a").put("published", "March"));
    assertTrue(date.getMessage().startsWith("published:"), date.getMessage());
    ReplyException url = failure(new JsonObject().put("text", "a").put("url", "ftp://x/y"));
    assertTrue(url.getMessage().startsWith("url:"), url.getMessage());
    assertEquals(400, failure(new JsonObject().put("text", 42)).failureCode());
  }

  @Test
  void refusesABodyOverTheApiLimitWith413() throws Exception {
    ReplyException tooLarge = failure(new JsonObject().put("text", "x".repeat(2049)));
    assertEquals(413, tooLarge.failureCode());
  }
}
