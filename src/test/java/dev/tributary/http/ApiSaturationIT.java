package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.sources.WebServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/articles} through the api gate, with one place in the pipeline and one in the
 * queue: a post fetching a page the test holds back takes the place, the next post waits, the one
 * after is refused with 503 and Retry-After, and all go through once the page arrives.
 */
class ApiSaturationIT {
  private static final String PAGE =
      "<html><head><title>Nasal spray approved</title></head><body><article>"
          + "<h1>Esketamine nasal spray approved</h1>"
          + "<p>The regulator approved an esketamine nasal spray for treatment-resistant depression"
          + " today, after two trials of the nasal spray.</p>"
          + "<p>Patients use the nasal spray in a clinic under supervision.</p></article></body>"
          + "</html>";

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  WebServer web;
  final CountDownLatch pageRequested = new CountDownLatch(1);
  final Promise<Void> releasePage = Promise.promise();
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    web.router.get("/held-back").handler(this::pageOnceReleased);
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put("api", new JsonObject().put("maxInFlight", 1).put("maxWaiting", 1))
                .put(
                    "fetch",
                    new JsonObject().put("allowPrivateAddresses", true).put("timeoutMs", 60_000)));
  }

  @AfterEach
  void stop() throws Exception {
    releasePage.tryComplete();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void pageOnceReleased(RoutingContext ctx) {
    pageRequested.countDown();
    releasePage
        .future()
        .onComplete(v -> ctx.response().putHeader("Content-Type", "text/html").end(PAGE));
  }

  @Test
  void postsPastTheQueueAreRefusedWith503AndRetryAfterAndGoThroughOnceThereIsRoom()
      throws Exception {
    CompletableFuture<HttpResponse<String>> byUrl =
        postAsync("application/json", new JsonObject().put("url", web.url("/held-back")).encode());
    assertTrue(pageRequested.await(15, TimeUnit.SECONDS), "the page was requested");
    CompletableFuture<HttpResponse<String>> queued =
        postAsync("text/plain", "Queued report\n\nKetamine clinics report waiting lists.");
    TestServer.awaitCondition("one post waiting", () -> metric("waiting").equals("1.0"));

    var refused =
        server.post(
            "/api/articles",
            "text/plain",
            "Refused report\n\nKetamine study enrols patients.",
            server.token);
    assertEquals(503, refused.statusCode(), refused.body());
    assertTrue(
        refused.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"),
        "Retry-After in seconds: " + refused.headers().map());
    assertTrue(
        refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(new JsonObject(refused.body()).getString("error").contains("saturated"));
    assertFalse(queued.isDone(), "the queued post waits for its turn");

    releasePage.complete();
    assertEquals(201, byUrl.get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(201, queued.get(30, TimeUnit.SECONDS).statusCode());
    var retried =
        server.post(
            "/api/articles",
            "text/plain",
            "Refused report\n\nKetamine study enrols patients.",
            server.token);
    assertEquals(201, retried.statusCode(), retried.body());
    assertEquals("0.0", metric("in_flight"));
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String contentType, String body) {
    return client.sendAsync(
        HttpRequest.newBuilder(URI.create(server.baseUrl + "/api/articles"))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + server.token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The api gate's gauge {@code tributary_ingest_<name>{input="api"}} from /metrics. */
  private String metric(String name) {
    try {
      String prefix = "tributary_ingest_" + name + "{input=\"api\"} ";
      return server
          .get("/metrics")
          .body()
          .lines()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(prefix.length()))
          .findFirst()
          .orElse("absent");
    } catch (Exception e) {
      return "unreadable: " + e;
    }
  }
}
