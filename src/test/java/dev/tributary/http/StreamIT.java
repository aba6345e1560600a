package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/stream}: live article events, topic filter, keep-alives, resume from the store. */
class StreamIT {
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
            new JsonObject().put("http", new JsonObject().put("streamKeepAliveSeconds", 1)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String post(String text) throws Exception {
    var response = server.post("/api/articles", "text/plain", text, server.token);
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body()).getString("id");
  }

  @Test
  void sendsAnArticleEventForEachNewArticle() throws Exception {
    try (SseClient stream = new SseClient(server.baseUrl + "/api/stream", null)) {
      assertEquals(200, stream.response.statusCode());
      assertTrue(
          stream
              .response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/event-stream"));
      String id = post("Ketamine study published\n\nA trial of ketamine for depression.");
      SseClient.Event event = stream.next();
      assertEquals("article", event.name());
      JsonObject article = new JsonObject(event.data());
      assertEquals(id, article.getString("id"));
      assertEquals("Ketamine study published", article.getString("title"));
      assertTrue(Long.parseLong(event.id()) > 0);
    }
  }

  @Test
  void aTopicFilterPassesOnlyThatTopic() throws Exception {
    try (SseClient stream = new SseClient(server.baseUrl + "/api/stream?topic=ketamine", null)) {
      post("Local football results\n\nThe home side won three to one on Saturday afternoon.");
      String ketamine =
          post(
              "Ketamine nasal spray\n\nKetamine nasal spray for treatment-resistant depression: ketamine works fast.");
      assertEquals(ketamine, new JsonObject(stream.next().data()).getString("id"));
    }
  }

  @Test
  void sendsKeepAliveComments() throws Exception {
    try (SseClient stream = new SseClient(server.baseUrl + "/api/stream", null)) {
      assertEquals("keep-alive", stream.nextComment());
    }
  }

  @Test
  void aClientResumingWithLastEventIdMissesNothing() throws Exception {
    String firstId;
    try (SseClient stream = new SseClient(server.baseUrl + "/api/stream", null)) {
      post("First article\n\nThe first of several articles about ketamine.");
      firstId = stream.next().id();
    }
    // Disconnected: these arrive while nobody listens.
    String second = post("Second article\n\nThe second of several articles, about anxiety.");
    String third = post("Third article\n\nThe third of several articles, about PTSD.");
    try (SseClient resumed = new SseClient(server.baseUrl + "/api/stream", firstId)) {
      assertEquals(second, new JsonObject(resumed.next().data()).getString("id"));
      assertEquals(third, new JsonObject(resumed.next().data()).getString("id"));
      String fourth = post("Fourth article\n\nThe fourth, after reconnecting.");
      assertEquals(fourth, new JsonObject(resumed.next().data()).getString("id"));
    }
  }

  @Test
  void aLastEventIdThatIsNotOursIsABadRequest() throws Exception {
    var response = server.get("/api/stream", "Last-Event-ID", "yesterday");
    assertEquals(400, response.statusCode());
  }
}
