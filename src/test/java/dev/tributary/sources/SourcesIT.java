package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscribing, polling and OPML against a local server playing the web. */
class SourcesIT {
  static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Clinic news</title><link>http://clinic.example/</link>
      <description>News</description><ttl>60</ttl>
      <item><title>Ketamine infusions for depression</title><guid>post-1</guid>
      <link>/posts/1</link><category>Treatment</category>
      <description>&lt;p&gt;Our clinic now offers ketamine infusions for treatment-resistant depression. Ketamine infusions work fast. &lt;a href="/team"&gt;Meet the team&lt;/a&gt;&lt;/p&gt;</description>
      <pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>Opening hours</title><guid>post-2</guid><link>/posts/2</link>
      <description>The clinic is open from nine to five on weekdays.</description></item>
      </channel></rss>
      """;

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  WebServer web;
  final AtomicInteger feedRequests = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    web.router
        .get("/feed.xml")
        .handler(
            ctx -> {
              feedRequests.incrementAndGet();
              if ("\"v1\"".equals(ctx.request().getHeader("If-None-Match"))) {
                notModified.incrementAndGet();
                ctx.response().setStatusCode(304).end();
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "application/rss+xml")
                  .putHeader("ETag", "\"v1\"")
                  .end(RSS);
            });
    web.router
        .get("/blog")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/html")
                    .end(
                        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>Blog</body></html>"));
    web.router.get("/gone.xml").handler(ctx -> ctx.response().setStatusCode(410).end());
    web.router
        .get("/busy.xml")
        .handler(ctx -> ctx.response().setStatusCode(429).putHeader("Retry-After", "7200").end());
    web.router
        .get("/article")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/html")
                    .end(
                        "<html><head><title>Nasal spray approved</title><meta property=\"og:title\" content=\"Esketamine nasal spray approved\"></head>"
                            + "<body><nav>Home | About</nav><article><h1>Esketamine nasal spray approved</h1>"
                            + "<p>The regulator approved an esketamine nasal spray for treatment-resistant depression today, after two trials of the nasal spray.</p>"
                            + "<p>Patients use the nasal spray in a clinic under supervision. Ketamine and esketamine act on NMDA receptors.</p></article></body></html>"));
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put(
                    "fetch",
                    new JsonObject().put("allowPrivateAddresses", true).put("timeoutMs", 2000)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  JsonObject subscribe(String url) throws Exception {
    var response =
        server.post(
            "/api/sources",
            "application/json",
            new JsonObject().put("url", url).encode(),
            server.token);
    assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
    return new JsonObject(response.body());
  }

  JsonObject source(String id) throws Exception {
    for (Object o : new JsonArray(server.getWithToken("/api/sources").body())) {
      if (((JsonObject) o).getString("id").equals(id)) return (JsonObject) o;
    }
    throw new AssertionError("no source " + id);
  }

  /** Waits until the source's poll is saved with status ok. */
  void awaitPolledOk(String id) throws InterruptedException {
    TestServer.awaitCondition(
        "the source reports its poll",
        () -> {
          try {
            return "ok".equals(source(id).getString("status"));
          } catch (Exception e) {
            return false;
          }
        });
  }

  int timelineSize() {
    try {
      return new JsonObject(server.get("/api/timeline").body()).getJsonArray("items").size();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void aSubscribedFeedIsPolledAndItsEntriesBecomeArticles() throws Exception {
    assertEquals(
        401,
        server
            .post(
                "/api/sources",
                "application/json",
                "{\"url\":\"" + web.url("/feed.xml") + "\"}",
                null)
            .statusCode());
    JsonObject source = subscribe(web.url("/feed.xml"));
    TestServer.awaitCondition("two entries stored", () -> timelineSize() == 2);
    JsonObject items = new JsonObject(server.get("/api/timeline").body());
    JsonObject infusion =
        items.getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(a -> a.getString("title").equals("Ketamine infusions for depression"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        web.url("/posts/1"),
        infusion.getString("url"),
        "relative link resolved against the feed URL");
    assertEquals("2026-11-21T10:00:00Z", infusion.getString("published"));
    assertTrue(
        infusion.getJsonArray("tags").contains("treatment"), "source categories become tags");
    assertEquals("Clinic news", infusion.getJsonObject("source").getString("title"));
    assertTrue(
        infusion.getString("contentHtml").contains("href=\"" + web.url("/team") + "\""),
        "relative links in entry content made absolute: " + infusion.getString("contentHtml"));
    awaitPolledOk(source.getString("id"));
    JsonObject polled = source(source.getString("id"));
    assertEquals(200, polled.getInteger("lastHttpStatus"));
    assertEquals(0, polled.getInteger("consecutiveErrors"));
    assertTrue(polled.getString("nextPoll") != null);
    assertEquals(3600, polled.getInteger("intervalSeconds"), "the feed's <ttl> of 60 minutes");
    var again =
        server.post(
            "/api/sources",
            "application/json",
            new JsonObject().put("url", web.url("/feed.xml")).encode(),
            server.token);
    assertEquals(200, again.statusCode(), "subscribing twice finds the same source");
    assertEquals(source.getString("id"), new JsonObject(again.body()).getString("id"));
  }

  @Test
  void subscribingAPageFindsTheFeedItLinksTo() throws Exception {
    JsonObject source = subscribe(web.url("/blog"));
    assertEquals(web.url("/feed.xml"), source.getString("url"));
  }

  @Test
  void aGoneFeedIsRefusedAtSubscription() throws Exception {
    var response =
        server.post(
            "/api/sources",
            "application/json",
            new JsonObject().put("url", web.url("/gone.xml")).encode(),
            server.token);
    assertEquals(422, response.statusCode(), response.body());
    assertTrue(new JsonObject(response.body()).getString("error").contains("410"), response.body());
  }

  @Test
  void opmlImportSubscribesAndExportListsTheSources() throws Exception {
    String opml =
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Mine</title></head><body>"
            + "<outline text=\"Health\"><outline text=\"Clinic\" type=\"rss\" xmlUrl=\""
            + web.url("/feed.xml")
            + "\"/></outline>"
            + "<outline text=\"Bad\" type=\"rss\" xmlUrl=\"javascript:alert(1)\"/></body></opml>";
    var imported = server.post("/api/sources/opml", "text/x-opml", opml, server.token);
    assertEquals(200, imported.statusCode(), imported.body());
    JsonObject result = new JsonObject(imported.body());
    assertEquals(1, result.getInteger("imported"));
    assertEquals(1, result.getJsonArray("rejected").size());
    String exported = server.getWithToken("/sources.opml").body();
    assertTrue(exported.contains("xmlUrl=\"" + web.url("/feed.xml") + "\""), exported);
    TestServer.awaitCondition("imported source polled", () -> timelineSize() == 2);
  }

  @Test
  void deletingASourceStopsItsPolling() throws Exception {
    AtomicInteger ticks = new AtomicInteger();
    vertx
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              if (Addresses.STORE_DUE_SOURCES.equals(delivery.message().address()))
                ticks.incrementAndGet(); // the scheduler looks for due sources
              delivery.next();
            });
    JsonObject source = subscribe(web.url("/feed.xml"));
    awaitPolledOk(source.getString("id"));
    pollEverySecond(source.getString("id"));
    int live = feedRequests.get();
    TestServer.awaitCondition("polled at every tick", () -> feedRequests.get() >= live + 2);

    assertEquals(401, server.delete("/api/sources/" + source.getString("id"), null).statusCode());
    assertEquals(
        204, server.delete("/api/sources/" + source.getString("id"), server.token).statusCode());
    assertEquals(
        404, server.delete("/api/sources/" + source.getString("id"), server.token).statusCode());
    assertEquals(0, new JsonArray(server.getWithToken("/api/sources").body()).size());

    int deletedAt = ticks.get();
    TestServer.awaitCondition("a poll in flight ends", () -> ticks.get() >= deletedAt + 2);
    int requests = feedRequests.get();
    int from = ticks.get();
    TestServer.awaitCondition("three more scheduler ticks", () -> ticks.get() >= from + 3);
    assertEquals(requests, feedRequests.get(), "the deleted source was polled again");
  }

  /** Makes the source due now and every second after: its interval set to 1 s in the store. */
  void pollEverySecond(String id) {
    Source s =
        await(vertx.eventBus().<Sources>request(Addresses.STORE_SOURCES, null))
            .body()
            .items()
            .stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow();
    Source everySecond =
        new Source(
            s.id(),
            s.url(),
            s.title(),
            s.siteUrl(),
            1,
            s.etag(),
            s.lastModified(),
            s.status(),
            s.lastAttempt(),
            s.lastSuccess(),
            s.lastHttpStatus(),
            s.consecutiveErrors(),
            s.lastError(),
            java.time.Instant.now(),
            s.hubUrl(),
            s.created(),
            s.polledBy());
    await(vertx.eventBus().request(Addresses.STORE_UPDATE_SOURCE, everySecond));
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anArticleUrlIsFetchedExtractedAndIngested() throws Exception {
    var posted =
        server.post(
            "/api/articles",
            "application/json",
            new JsonObject().put("url", web.url("/article")).encode(),
            server.token);
    assertEquals(201, posted.statusCode(), posted.body());
    JsonObject article = new JsonObject(posted.body());
    assertEquals("Esketamine nasal spray approved", article.getString("title"));
    assertTrue(article.getString("contentHtml").contains("nasal spray"));
    assertTrue(!article.getString("contentHtml").contains("Home | About"), "navigation dropped");
    var feed =
        server.post(
            "/api/articles",
            "application/json",
            new JsonObject().put("url", web.url("/feed.xml")).encode(),
            server.token);
    assertEquals(409, feed.statusCode(), feed.body());
    assertTrue(new JsonObject(feed.body()).getString("error").contains("/api/sources"));
  }

  JsonObject importOne(String url) throws Exception {
    String opml =
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
            + "<outline text=\"x\" type=\"rss\" xmlUrl=\""
            + url
            + "\"/></body></opml>";
    assertEquals(
        200, server.post("/api/sources/opml", "text/x-opml", opml, server.token).statusCode());
    TestServer.awaitCondition(
        "the source polled",
        () -> {
          try {
            return !"new".equals(sources().get(0).getString("status"));
          } catch (Exception e) {
            return false;
          }
        });
    return sources().get(0);
  }

  java.util.List<JsonObject> sources() throws Exception {
    return new JsonArray(server.getWithToken("/api/sources").body())
        .stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void aFeedThatIsGoneIsMarkedDeadAndNoLongerPolled() throws Exception {
    JsonObject source = importOne(web.url("/gone.xml"));
    assertEquals("dead", source.getString("status"));
    assertEquals(410, source.getInteger("lastHttpStatus"));
    assertEquals(1, source.getInteger("consecutiveErrors"));
    assertTrue(source.getString("lastError").contains("410"), source.encode());
    assertEquals(null, source.getString("nextPoll"));
  }

  @Test
  void retryAfterIsHonouredAndTheSourceSaysWhy() throws Exception {
    JsonObject source = importOne(web.url("/busy.xml"));
    assertEquals("error", source.getString("status"));
    assertEquals(429, source.getInteger("lastHttpStatus"));
    java.time.Instant next = java.time.Instant.parse(source.getString("nextPoll"));
    assertTrue(
        next.isAfter(java.time.Instant.now().plusSeconds(7000)),
        "next poll " + next + " honours Retry-After: 7200");
  }

  @Test
  void pollingStateSurvivesARestart() throws Exception {
    JsonObject before = subscribe(web.url("/feed.xml"));
    TestServer.awaitCondition("polled", () -> timelineSize() == 2);
    TestServer.awaitCondition(
        "status saved",
        () -> {
          try {
            return "ok".equals(sources().get(0).getString("status"));
          } catch (Exception e) {
            return false;
          }
        });
    JsonObject polled = sources().get(0);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject().put("fetch", new JsonObject().put("allowPrivateAddresses", true)));
    JsonObject after = sources().get(0);
    assertEquals(before.getString("id"), after.getString("id"));
    assertEquals(polled.getString("lastSuccess"), after.getString("lastSuccess"));
    assertEquals(polled.getString("nextPoll"), after.getString("nextPoll"));
  }
}
