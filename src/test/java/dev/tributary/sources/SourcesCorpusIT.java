package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness over real-world feeds: every file of the test corpus (feedparser's, Rome's and
 * defusedxml's test data) is served from a local server and subscribed; each must end polled — with
 * entries, or with a clear error status — and the service must keep answering.
 */
class SourcesCorpusIT {
  static final Path CORPUS = Path.of("src/test/resources/corpus/feeds");

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  WebServer web;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    web.router
        .route("/corpus/*")
        .handler(StaticHandler.create(FileSystemAccess.ROOT, CORPUS.toAbsolutePath().toString()));
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put(
                    "fetch",
                    new JsonObject().put("allowPrivateAddresses", true).put("timeoutMs", 5000))
                .put("poll", new JsonObject().put("maxInFlight", 16)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void everyCorpusFeedEndsWithEntriesOrAClearErrorAndTheServiceKeepsAnswering() throws Exception {
    List<String> files;
    try (Stream<Path> all = Files.walk(CORPUS)) {
      files =
          all.filter(Files::isRegularFile)
              .filter(
                  p ->
                      !p.getFileName().toString().startsWith("LICENSE")
                          && !p.getFileName().toString().endsWith(".md"))
              .map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 2000, "corpus files: " + files.size());
    StringBuilder opml =
        new StringBuilder(
            "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>corpus</title></head><body>");
    for (String f : files) {
      String url = web.url("/corpus/" + f).replace("&", "&amp;").replace("\"", "&quot;");
      opml.append("<outline type=\"rss\" text=\"c\" xmlUrl=\"").append(url).append("\"/>");
    }
    opml.append("</body></opml>");
    var imported = server.post("/api/sources/opml", "text/x-opml", opml.toString(), server.token);
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(files.size(), new JsonObject(imported.body()).getInteger("imported"));

    TestServer.awaitCondition(
        "every source polled once",
        Duration.ofMinutes(4),
        () -> {
          try {
            return sources().stream().noneMatch(s -> "new".equals(s.getString("status")));
          } catch (Exception e) {
            return false;
          }
        });

    Map<String, Integer> outcomes = new TreeMap<>();
    for (JsonObject s : sources()) {
      String status = s.getString("status");
      if ("ok".equals(status)) {
        outcomes.merge("ok", 1, Integer::sum);
      } else {
        String error = s.getString("lastError");
        assertFalse(error == null || error.isBlank(), "a failed source says why: " + s.encode());
        outcomes.merge(status + ": " + error.split(":", 2)[0], 1, Integer::sum);
      }
    }
    System.out.println("Corpus outcomes over " + files.size() + " feeds: " + outcomes);
    int stored =
        new JsonObject(server.get("/api/timeline?limit=1").body()).getJsonArray("items").size();
    assertEquals(1, stored, "entries were ingested");
    assertTrue(outcomes.getOrDefault("ok", 0) > files.size() / 2, outcomes.toString());
    assertEquals(200, server.get("/health/live").statusCode());
    assertEquals(200, server.get("/feed.atom").statusCode());
  }

  List<JsonObject> sources() throws Exception {
    return new JsonArray(server.getWithToken("/api/sources").body())
        .stream().map(JsonObject.class::cast).toList();
  }
}
