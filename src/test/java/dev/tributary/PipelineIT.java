package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.bus.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real parts: the five sample files dropped into the inbox of a running
 * Tributary come out of its Atom and RSS feeds and its timeline, titled and tagged.
 */
class PipelineIT {
  static final Map<String, String> SAMPLE_TITLES =
      new TreeMap<>(
          Map.of(
              "000_4df5721ed5792e6c.txt",
                  "Embracing Hope: The Remarkable Promise of Ketamine in Mental Health",
              "001_ab4fd915cb3fcb74.txt",
                  "Unlocking the Potential Ketamine Therapy’s Mental Health Benefits",
              "003_1d4fc39c1c0a0362.txt",
                  "Unlocking Hope: Ketamine emerges as a potential game-changer in treating severe depression",
              "004_cd82d94d1cd90539.txt",
                  "Ketamine: A Mind-Altering Miracle or a Dangerous Drug?"));

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void samplesDroppedInTheInboxComeOutOfTheAtomFeedValidAndTitled() throws Exception {
    dropSamples();
    var response = server.get("/feed.atom");
    assertEquals(200, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/atom+xml"));
    AtomSchema.assertValid(response.body());
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    assertEquals(5, feed.getEntries().size());
    Set<String> titles = new LinkedHashSet<>();
    for (SyndEntry e : feed.getEntries()) titles.add(e.getTitle());
    assertTrue(titles.containsAll(SAMPLE_TITLES.values()), "titles: " + titles);
    for (SyndEntry e : feed.getEntries()) {
      assertTrue(e.getUri().startsWith("urn:uuid:"), e.getUri());
      assertFalse(e.getCategories().isEmpty(), "entry without topics: " + e.getTitle());
    }
  }

  @Test
  void samplesComeOutOfTheRssFeedWithTopicsAsCategories() throws Exception {
    dropSamples();
    var response = server.get("/feed.rss");
    assertEquals(200, response.statusCode());
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    assertEquals(5, feed.getEntries().size());
    assertTrue(
        feed.getEntries().stream()
            .allMatch(
                e -> e.getCategories().stream().anyMatch(c -> c.getName().equals("ketamine"))));
    assertTrue(response.body().contains("isPermaLink=\"false\""));
  }

  @Test
  void anInboxFileStaysInTheInboxUntilItsArticleIsStored() throws Exception {
    CompletableFuture<Runnable> heldPut = new CompletableFuture<>();
    vertx
        .eventBus()
        .addInboundInterceptor(
            delivery -> {
              if (!Addresses.STORE_PUT.equals(delivery.message().address())) {
                delivery.next();
                return;
              }
              Context store = Vertx.currentContext();
              heldPut.complete(() -> store.runOnContext(v -> delivery.next()));
            });
    Path file = server.inbox().resolve("held.txt");
    Files.copy(Path.of("samples/articles/000_4df5721ed5792e6c.txt"), file);

    Runnable releasePut = heldPut.get(15, TimeUnit.SECONDS);
    // taken by this instance: in its claim folder inside the inbox (docs/ARCHITECTURE.md)
    Path claimed = server.inbox().resolve(".claimed/local/held.txt");
    assertTrue(Files.exists(claimed), "still in the inbox while the store has not stored it");
    assertFalse(Files.exists(server.inbox().resolve("done/held.txt")));
    assertEquals(List.of(), timelineIds());

    releasePut.run();
    TestServer.awaitCondition(
        "held.txt moved to done/",
        () ->
            Files.exists(server.inbox().resolve("done/held.txt"))
                && Files.notExists(file)
                && Files.notExists(claimed));
    assertEquals(1, timelineIds().size());
  }

  @Test
  void timelinePagesThroughEveryArticleOnceNewestFirst() throws Exception {
    dropSamples();
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var response =
          server.get("/api/timeline?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, response.statusCode());
      JsonObject page = new JsonObject(response.body());
      page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("id")));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(5, ids.size());
    assertEquals(5, new LinkedHashSet<>(ids).size(), "no repeats: " + ids);
  }

  @Test
  void aFileThatCannotBeIngestedGoesToFailedWithItsReason() throws Exception {
    Path bad = server.inbox().resolve("latin1.txt");
    Files.write(
        bad, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'a', 'u', ' ', 'l', 'a', 'i', 't'});
    Files.writeString(server.inbox().resolve("notes.pdf"), "not an article");
    Path failed = server.inbox().resolve("failed");
    TestServer.awaitCondition(
        "both files in failed/",
        () ->
            Files.exists(failed.resolve("latin1.txt.error.txt"))
                && Files.exists(failed.resolve("notes.pdf.error.txt")));
    assertTrue(Files.readString(failed.resolve("latin1.txt.error.txt")).contains("UTF-8"));
    assertTrue(Files.readString(failed.resolve("notes.pdf.error.txt")).contains("unsupported"));
    assertEquals(200, server.get("/health/live").statusCode());
  }

  @Test
  void theSameTextUnderAnotherNameIsOneArticle() throws Exception {
    Path sample = Path.of("samples/articles/000_4df5721ed5792e6c.txt");
    Files.copy(sample, server.inbox().resolve("first.txt"));
    awaitTimelineSize(1);
    Files.copy(sample, server.inbox().resolve("again-under-another-name.txt"));
    TestServer.awaitCondition(
        "the copy moved to done/",
        () -> Files.exists(server.inbox().resolve("done/again-under-another-name.txt")));
    assertEquals(1, timelineIds().size());
  }

  @Test
  void articleIdsSurviveARestartOnTheSameDataDir() throws Exception {
    dropSamples();
    List<String> before = timelineIds();
    stop();
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir);
    assertEquals(before, timelineIds());
    String feedBefore = server.get("/feed.atom").body();
    assertTrue(feedBefore.contains("urn:uuid:"));
  }

  @Test
  void postingNeedsTheBearerTokenAndDeduplicates() throws Exception {
    String text = "Ketamine clinic opens\n\nA new ketamine clinic offers infusions for depression.";
    var anonymous = server.post("/api/articles", "text/plain", text, null);
    assertEquals(401, anonymous.statusCode());
    assertTrue(new JsonObject(anonymous.body()).getString("error").contains("token"));
    assertEquals(401, server.post("/api/articles", "text/plain", text, "wrong").statusCode());

    var created = server.post("/api/articles?source=newsdesk", "text/plain", text, server.token);
    assertEquals(201, created.statusCode(), created.body());
    JsonObject article = new JsonObject(created.body());
    assertEquals("Ketamine clinic opens", article.getString("title"));
    assertEquals("newsdesk", article.getJsonObject("source").getString("title"));

    var again = server.post("/api/articles", "text/plain", text, server.token);
    assertEquals(200, again.statusCode());
    assertEquals(article.getString("id"), new JsonObject(again.body()).getString("id"));

    var fetched = server.get("/api/articles/" + article.getString("id"));
    assertEquals(200, fetched.statusCode());
    assertEquals("Ketamine clinic opens", new JsonObject(fetched.body()).getString("title"));
  }

  @Test
  void badRequestsGetJsonErrorsWithTheRightStatus() throws Exception {
    assertError(server.get("/api/articles/nope"), 404);
    assertError(server.get("/topics/no-such-topic/feed.atom"), 404);
    assertError(server.get("/api/timeline?limit=500"), 400);
    assertError(server.get("/api/timeline?cursor=garbage"), 400);
    assertError(server.post("/api/articles", "application/pdf", "x", server.token), 415);
    assertError(server.post("/api/articles", "text/plain", "   \n ", server.token), 400);
    assertError(
        server.post(
            "/api/articles?url=javascript:alert(1)", "text/plain", "Some text here.", server.token),
        400);
    assertError(
        server.post(
            "/api/articles?published=yesterday", "text/plain", "Some text here.", server.token),
        400);
  }

  @Test
  void topicsListsTheTaxonomyWithCounts() throws Exception {
    dropSamples();
    JsonArray topics = new JsonArray(server.get("/api/topics").body());
    JsonObject ketamine =
        topics.stream()
            .map(JsonObject.class::cast)
            .filter(t -> t.getString("slug").equals("ketamine"))
            .findFirst()
            .orElseThrow();
    assertEquals(5, ketamine.getInteger("count"));
    var topicFeed = server.get("/topics/ketamine/feed.atom");
    assertEquals(200, topicFeed.statusCode());
    AtomSchema.assertValid(topicFeed.body());
  }

  @Test
  void healthReportsTheStoreAndInbox() throws Exception {
    var ready = server.get("/health/ready");
    assertEquals(200, ready.statusCode());
    JsonObject body = new JsonObject(ready.body());
    assertEquals("UP", body.getString("status"));
    assertNotNull(body.getJsonArray("checks"));
    assertTrue(body.getJsonArray("checks").encode().contains("store"));
  }

  private static void assertError(java.net.http.HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertFalse(new JsonObject(response.body()).getString("error").isBlank());
  }

  private void dropSamples() throws Exception {
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path s : samples.sorted().toList())
        Files.copy(s, server.inbox().resolve(s.getFileName()));
    }
    awaitTimelineSize(5);
  }

  private void awaitTimelineSize(int n) throws InterruptedException {
    TestServer.awaitCondition(
        n + " articles in the timeline", () -> timelineIdsQuietly().size() == n);
  }

  private List<String> timelineIdsQuietly() {
    try {
      return timelineIds();
    } catch (Exception e) {
      return List.of();
    }
  }

  private List<String> timelineIds() throws Exception {
    JsonObject page = new JsonObject(server.get("/api/timeline?limit=200").body());
    List<String> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
    return ids;
  }

  @Test
  void thePageShowsArticlesWithTopicChipsAndAdvertisesTheFeeds() throws Exception {
    dropSamples();
    var page = server.get("/");
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    assertTrue(html.contains("type=\"application/rss+xml\""));
    assertTrue(html.contains("type=\"application/feed+json\""));
    assertTrue(html.contains("Ketamine: A Mind-Altering Miracle or a Dangerous Drug?"));
    assertTrue(
        html.contains("class=\"chip topic\" href=\"/?topic=treatment-resistant-depression\""));
  }

  @Test
  void everythingRenderedIntoPagesIsEscaped() throws Exception {
    String title = "<script>alert(1)</script> & \"quotes\"";
    var created =
        server.post(
            "/api/articles?title="
                + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
            "text/html",
            "<p>Ketamine <img src=x onerror=alert(2)> text <script>alert(3)</script></p>",
            server.token);
    assertEquals(201, created.statusCode(), created.body());
    String id = new JsonObject(created.body()).getString("id");
    for (String path : List.of("/", "/articles/" + id)) {
      String html = server.get(path).body();
      assertFalse(html.contains("<script>"), path);
      assertFalse(html.contains("onerror"), path);
      assertTrue(
          html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), path);
    }
    AtomSchema.assertValid(server.get("/feed.atom").body());
  }

  @Test
  void feedsAnswerConditionalRequestsWith304() throws Exception {
    dropSamples();
    var first = server.get("/feed.atom");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertEquals(304, server.get("/feed.atom", "If-None-Match", etag).statusCode());
    assertEquals(304, server.get("/feed.atom", "If-Modified-Since", lastModified).statusCode());
    assertEquals(etag, server.get("/feed.atom").headers().firstValue("ETag").orElseThrow());
    server.post(
        "/api/articles", "text/plain", "A new ketamine study\n\nKetamine again.", server.token);
    String newEtag = server.get("/feed.atom").headers().firstValue("ETag").orElseThrow();
    assertFalse(etag.equals(newEtag), "a stored article changes the feed's ETag");
  }
}
