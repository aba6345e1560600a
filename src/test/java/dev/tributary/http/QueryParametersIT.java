package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unknown query parameters: 400 JSON on the API, ignored (and kept out of the cache key) on feeds.
 */
class QueryParametersIT {
  // One server for the class: no test here stores anything another one reads.
  @TempDir static Path dataDir;
  static Vertx vertx;
  static TestServer server;

  @BeforeAll
  static void startOnce() throws Exception {
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir);
  }

  @AfterAll
  static void stopOnce() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/timeline?limit=200&junk=1",
        "/api/timeline?Limit=5",
        "/api/articles/abc?explain=true&junk=1",
        "/api/topics?junk",
      })
  void anUnknownParameterOnTheApiIsA400NamingIt(String path) throws Exception {
    var answer = server.get(path);
    assertEquals(400, answer.statusCode(), path + ": " + answer.body());
    String error = new JsonObject(answer.body()).getString("error");
    assertTrue(error.startsWith("unknown query parameter '"), error);
  }

  @Test
  void theStreamRefusesAnUnknownParameterInsteadOfStreaming() throws Exception {
    // A stream would never end: bound the wait (a failure, not a timing assertion).
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl + "/api/stream?junk=1"))
            .timeout(Duration.ofSeconds(10))
            .build();
    var answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (var body = answer.body()) {
      assertEquals(400, answer.statusCode());
    }
  }

  @Test
  void anUnknownParameterOnAWriteIsA400OnceTheTokenIsRight() throws Exception {
    var answer = server.post("/api/articles?titel=x", "text/plain", "Notes\n\nText.", server.token);
    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("'titel'"), answer.body());
    assertEquals(
        401,
        server.post("/api/articles?titel=x", "text/plain", "x", null).statusCode(),
        "401 first");
  }

  @Test
  void twoThousandJunkTimelineQueriesAreAllRefused() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      int status = server.get("/api/timeline?limit=200&junk=" + i).statusCode();
      assertEquals(400, status, "junk=" + i);
    }
    assertEquals(200, server.get("/api/timeline?limit=200").statusCode());
  }

  @Test
  void feedsIgnoreCacheBustingParameters() throws Exception {
    var plain = server.get("/feed.atom");
    var busted = server.get("/feed.atom?_=1732960000");
    assertEquals(200, busted.statusCode());
    assertEquals(
        plain.headers().firstValue("ETag").orElseThrow(),
        busted.headers().firstValue("ETag").orElseThrow(),
        "the same cached document");
  }
}
