package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.AtomSchema;
import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output side over real HTTP: every format round-trips, archives walk back past the newest
 * page, caching answers 304 until an article lands in the feed, the timeline pages stably.
 */
class FeedsIT {
  static final int FEED_SIZE = 2;

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx, dataDir, new JsonObject().put("feed", new JsonObject().put("size", FEED_SIZE)));
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path s : samples.sorted().toList())
        Files.copy(s, server.inbox().resolve(s.getFileName()));
    }
    TestServer.awaitCondition("5 samples stored", () -> timelineSize() == 5);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  int timelineSize() {
    try {
      return new JsonObject(server.get("/api/timeline?limit=200").body())
          .getJsonArray("items")
          .size();
    } catch (Exception e) {
      return -1;
    }
  }

  SyndFeed parse(String body) throws Exception {
    return new SyndFeedInput().build(new StringReader(body));
  }

  static String link(SyndFeed feed, String rel) {
    for (SyndLink l : feed.getLinks()) if (rel.equals(l.getRel())) return l.getHref();
    return null;
  }

  String path(String absolute) {
    return URI.create(absolute).getRawPath()
        + (URI.create(absolute).getRawQuery() == null
            ? ""
            : "?" + URI.create(absolute).getRawQuery());
  }

  @Test
  void jsonFeedCarriesTheRequiredFields() throws Exception {
    var response = server.get("/feed.json");
    assertEquals(200, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/feed+json"));
    JsonObject feed = new JsonObject(response.body());
    assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
    assertEquals("http://localhost:8080/", feed.getString("home_page_url"));
    assertEquals("http://localhost:8080/feed.json", feed.getString("feed_url"));
    assertNotNull(feed.getString("next_url"));
    JsonArray items = feed.getJsonArray("items");
    assertEquals(FEED_SIZE, items.size());
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      assertTrue(item.getString("id").startsWith("urn:uuid:"));
      assertFalse(item.getString("content_html").isBlank());
      assertTrue(item.getJsonArray("tags").contains("ketamine"));
    }
  }

  @Test
  void topicFeedsHaveTheirOwnIdTitleAndSelfLink() throws Exception {
    SyndFeed site = parse(server.get("/feed.atom").body());
    String topicBody = server.get("/topics/depression/feed.atom").body();
    AtomSchema.assertValid(topicBody);
    SyndFeed topic = parse(topicBody);
    assertNotEquals(site.getUri(), topic.getUri());
    assertTrue(topic.getTitle().contains("Depression"), topic.getTitle());
    assertEquals("http://localhost:8080/topics/depression/feed.atom", link(topic, "self"));
    assertTrue(topicBody.contains("href=\"http://localhost:8080/topics/depression/feed.rss\""));
    assertTrue(topicBody.contains("href=\"http://localhost:8080/topics/depression/feed.json\""));
    SyndFeed rss = parse(server.get("/topics/depression/feed.rss").body());
    assertEquals(FEED_SIZE, rss.getEntries().size());
  }

  @Test
  void archivesWalkBackThroughEveryArticleOnce() throws Exception {
    Set<String> ids = new HashSet<>();
    List<String> docs = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    String next = "/feed.atom";
    while (next != null) {
      paths.add(next);
      String body = server.get(next).body();
      AtomSchema.assertValid(body);
      docs.add(body);
      SyndFeed feed = parse(body);
      for (SyndEntry e : feed.getEntries())
        assertTrue(ids.add(e.getUri()), "repeated " + e.getUri());
      String older = link(feed, "next");
      assertEquals(older, link(feed, "prev-archive"));
      next = older == null ? null : path(older);
      assertTrue(docs.size() <= 5, "archive chain does not end");
    }
    assertEquals(5, ids.size());
    assertEquals(3, docs.size());
    assertFalse(docs.get(0).contains("fh:archive"), "the subscription document is not an archive");
    for (String archive : docs.subList(1, docs.size())) {
      assertTrue(archive.contains("<fh:archive"), "archive documents say so");
      assertTrue(archive.contains("rel=\"current\""));
    }
    for (int i = 1; i < docs.size(); i++) {
      // and walk forward again: each archive's next-archive is the document before it, the
      // newest archive's the subscription document (the oldest page is never without a link)
      assertEquals(paths.get(i - 1), path(link(parse(docs.get(i)), "next-archive")), "page " + i);
    }
    String rss = server.get("/feed.rss").body();
    assertTrue(rss.contains("rel=\"prev-archive\""));
    assertEquals(400, server.get("/feed.atom?before=nonsense").statusCode());
  }

  @Test
  void feedEtagIsStableUntilAnArticleLandsInThatFeed() throws Exception {
    String site = etag("/feed.atom");
    String topic = etag("/topics/ketamine/feed.atom");
    assertEquals(site, etag("/feed.atom"));
    assertEquals(304, server.get("/feed.atom", "If-None-Match", site).statusCode());
    assertEquals(
        304, server.get("/topics/ketamine/feed.atom", "If-None-Match", topic).statusCode());

    var posted =
        server.post(
            "/api/articles",
            "text/plain",
            "Garden notes\n\nTomatoes and beans grew well this summer.",
            server.token);
    assertEquals(201, posted.statusCode());
    assertTrue(new JsonObject(posted.body()).getJsonArray("topics").isEmpty());

    assertNotEquals(site, etag("/feed.atom"), "the site feed changed");
    assertEquals(200, server.get("/feed.atom", "If-None-Match", site).statusCode());
    assertEquals(topic, etag("/topics/ketamine/feed.atom"), "the ketamine feed did not");
  }

  @Test
  void feedsAreGzippedWhenTheClientAsks() throws Exception {
    var plain = server.get("/feed.atom");
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl + "/feed.atom"))
            .header("Accept-Encoding", "gzip")
            .build();
    var gz =
        java.net.http.HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      assertEquals(
          plain.body(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    String gzEtag = gz.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(
        plain.headers().firstValue("ETag").orElseThrow(), gzEtag, "two representations");
    assertEquals(
        304,
        server.get("/feed.atom", "Accept-Encoding", "gzip", "If-None-Match", gzEtag).statusCode());
    assertEquals(
        200,
        server
            .get("/feed.atom", "Accept-Encoding", "gzip;q=0", "If-None-Match", gzEtag)
            .statusCode());
    var response = server.get("/feed.atom", "Accept-Encoding", "gzip");
    assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
    assertTrue(response.headers().firstValue("Last-Modified").isPresent());
  }

  @Test
  void timelineAnswersConditionalRequestsAndChangesWhenArticlesArrive() throws Exception {
    var first = server.get("/api/timeline?limit=3");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(first.headers().firstValue("Last-Modified").isPresent());
    assertEquals(304, server.get("/api/timeline?limit=3", "If-None-Match", etag).statusCode());
    server.post(
        "/api/articles", "text/plain", "New arrival\n\nKetamine news of the day.", server.token);
    assertEquals(200, server.get("/api/timeline?limit=3", "If-None-Match", etag).statusCode());
  }

  @Test
  void timelinePagingNeverSkipsOrRepeatsWhileArticlesArrive() throws Exception {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int posted = 0;
    do {
      JsonObject page =
          new JsonObject(
              server
                  .get("/api/timeline?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                  .body());
      page.getJsonArray("items").forEach(i -> seen.add(((JsonObject) i).getString("id")));
      cursor = page.getString("nextCursor");
      server.post(
          "/api/articles",
          "text/plain",
          "Arrival " + posted + "\n\nNews item number " + posted++ + ".",
          server.token);
    } while (cursor != null);
    assertEquals(5, seen.size());
    assertEquals(5, new HashSet<>(seen).size());
  }

  @Test
  void timelineFiltersByTopicSourceAndFullText() throws Exception {
    server.post(
        "/api/articles?source=clinic",
        "text/plain",
        "Clinic hours\n\nOur infusion clinic opens at nine.",
        server.token);
    JsonArray bySource = items("/api/timeline?source=api:clinic");
    assertEquals(1, bySource.size());
    assertEquals(5, items("/api/timeline?topic=ketamine").size());
    assertEquals(
        items("/api/timeline?topic=ptsd,ocd").size(),
        items("/api/timeline?topic=ptsd&topic=ocd").size());
    JsonArray search = items("/api/timeline?q=lozenges");
    assertEquals(1, search.size(), "only sample 002 mentions oral lozenges");
    assertEquals(0, items("/api/timeline?since=2999-01-01T00:00:00Z").size());
  }

  @Test
  void wrongMethodsGet405WithAllow() throws Exception {
    HttpResponse<String> response = server.post("/feed.atom", "text/plain", "x", server.token);
    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
    assertNotNull(new JsonObject(response.body()).getString("error"));
  }

  JsonArray items(String path) throws Exception {
    return new JsonObject(server.get(path).body()).getJsonArray("items");
  }

  String etag(String path) throws Exception {
    HttpResponse<String> response = server.get(path);
    assertEquals(200, response.statusCode());
    assertNull(response.headers().firstValue("Content-Encoding").orElse(null));
    return response.headers().firstValue("ETag").orElseThrow();
  }
}
