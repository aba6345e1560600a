package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics: Prometheus text with the project's counters after some real traffic. */
class MetricsIT {
  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    TributaryMetrics metrics = new TributaryMetrics();
    vertx = TestServer.newVertx(metrics);
    server = TestServer.start(vertx, dataDir, new JsonObject(), metrics);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void countsIngestsDuplicatesFailuresAndFeedCache() throws Exception {
    String article = "Garden notes\n\nTomatoes and beans grew well this summer.";
    assertEquals(
        201, server.post("/api/articles", "text/plain", article, server.token).statusCode());
    int again = server.post("/api/articles", "text/plain", article, server.token).statusCode();
    assertTrue(again < 300, "the duplicate is accepted: " + again);

    Path rejected = server.inbox().resolve("notes.pdf");
    Files.writeString(rejected, "%PDF-1.4");
    TestServer.awaitCondition(
        "the inbox rejects notes.pdf",
        () -> Files.isRegularFile(server.inbox().resolve("failed/notes.pdf")));

    assertEquals(200, server.get("/feed.atom").statusCode());
    assertEquals(200, server.get("/feed.atom").statusCode());

    var response = server.get("/metrics");
    assertEquals(200, response.statusCode());
    String type = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(type.startsWith("text/plain; version=0.0.4"), type);
    String body = response.body();
    assertValue(body, "tributary_articles_ingested_total{input=\"api\"}", 1.0);
    assertValue(body, "tributary_articles_ingested_total{input=\"inbox\"}", 0.0);
    assertValue(body, "tributary_articles_ingested_total{input=\"feed\"}", 0.0);
    assertValue(body, "tributary_articles_duplicates_total{input=\"api\"}", 1.0);
    assertValue(body, "tributary_ingest_failures_total{reason=\"unsupported_type\"}", 1.0);
    assertValue(body, "tributary_tagging_seconds_count", 2.0);
    assertValue(body, "tributary_store_latency_seconds_count{operation=\"put\"}", 2.0);
    assertValue(body, "tributary_feed_cache_total{result=\"miss\"}", 1.0);
    assertValue(body, "tributary_feed_cache_total{result=\"hit\"}", 1.0);
    assertValue(body, "tributary_sources{status=\"ok\"}", 0.0);
    assertFalse(body.contains("tributary_http_server_requests"), "replaced by Vert.x's own");
  }

  @Test
  void showsVertxOwnSeriesLabelledByRouteTemplateAndAddress() throws Exception {
    var posted = server.post("/api/articles", "text/plain", "Notes\n\nBeans grew.", server.token);
    assertEquals(201, posted.statusCode());
    String id = new JsonObject(posted.body()).getString("id");
    assertEquals(200, server.get("/api/articles/" + id).statusCode());
    assertEquals(200, server.get("/feed.atom").statusCode());

    String body = server.get("/metrics").body();
    assertValue(
        body,
        "vertx_http_server_requests_total{code=\"201\",method=\"POST\",route=\"/api/articles\"}",
        1.0);
    assertValue(
        body,
        "vertx_http_server_response_time_seconds_count{code=\"200\",method=\"GET\",route=\"/api/articles/:id\"}",
        1.0);
    assertValue(
        body,
        "vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/feed.atom\"}",
        1.0);
    assertFalse(body.contains(id), "the route label is the template, never the raw path");
    assertFalse(body.contains(">/"), "only the route that answered, not the chain");
    assertValue(
        body,
        "vertx_eventbus_delivered_total{address=\"tributary.store.put\",side=\"local\"}",
        1.0);
    assertTrue(body.contains("vertx_pool_in_use{pool_name=\"tributary-pipeline\""), body);
    assertFalse(body.contains("tributary_polls_total{"), "no source, so no poll");
  }

  /**
   * Asserts the value of one series, read from its own line of the exposition ({@code <series>
   * <value>}), so {@code count 2} is never found inside {@code count 20}.
   */
  static void assertValue(String body, String series, double expected) {
    assertEquals(expected, value(body, series), series + "\n" + body);
  }

  static Double value(String body, String series) {
    for (String line : body.split("\n")) {
      if (line.startsWith(series + " ")) {
        String[] rest = line.substring(series.length() + 1).trim().split(" ");
        return Double.valueOf(rest[0]); // a timestamp may follow the value
      }
    }
    return null;
  }

  @Test
  void aSeriesValueIsReadWholeNotAsAPrefix() {
    String exposition = "x_count 20\nx_count{a=\"b\"} 3.0\nx_count_total 7\n";
    assertEquals(20.0, value(exposition, "x_count"));
    assertEquals(3.0, value(exposition, "x_count{a=\"b\"}"));
    assertNull(value(exposition, "x_coun"));
  }
}
