package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.RawDocument;
import dev.tributary.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry of a polled feed is stored, however many, and an entry that failed for a reason of
 * ours is retried by the next poll. A real instance polls a local server; where a failure is
 * needed, an event-bus interceptor answers the pipeline's request for chosen entries as a full disk
 * (503) or as bad input (422) would.
 */
class FeedEntriesIT {
  @TempDir Path dataDir;
  WebAndInstance local;
  Vertx vertx;
  TestServer server;
  WebServer web;
  volatile String feed;

  @BeforeEach
  void start() throws Exception {
    local = WebAndInstance.start(dataDir, w -> w.serveFeed("/feed.xml", () -> feed));
    vertx = local.vertx;
    web = local.web;
    server = local.server;
  }

  @AfterEach
  void stop() throws Exception {
    local.close();
  }

  static String rss(int entries) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Busy clinic</title><link>http://clinic.example/</link>"
                + "<description>Many posts</description>");
    for (int i = 0; i < entries; i++) {
      xml.append("<item><title>Clinic bulletin number ")
          .append(i)
          .append("</title><guid>entry-")
          .append(i)
          .append("</guid><description>Bulletin ")
          .append(i)
          .append(" of the clinic: opening hours, staff news and visiting rules, item ")
          .append(i)
          .append(".</description></item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  String subscribe() throws Exception {
    return server.subscribe(web.url("/feed.xml")).getString("id");
  }

  int stored(String sourceId, int entries) {
    JsonArray ids = new JsonArray();
    IntStream.range(0, entries).forEach(i -> ids.add(ArticleIds.forGuid(sourceId, "entry-" + i)));
    return await(vertx.eventBus().<JsonArray>request(Addresses.STORE_EXISTING_IDS, ids))
        .body()
        .size();
  }

  Source source(String id) {
    return await(vertx.eventBus().<Sources>request(Addresses.STORE_SOURCES, null))
        .body()
        .items()
        .stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyEntryOfAFeedWithFiveHundredNewEntriesIsStored() throws Exception {
    feed = rss(500);
    String id = subscribe();
    TestServer.awaitCondition(
        "all 500 entries stored", Duration.ofSeconds(120), () -> stored(id, 500) == 500);
    TestServer.awaitCondition("the poll saved", () -> Source.OK.equals(source(id).status()));
    assertEquals(WebServer.FEED_ETAG, source(id).etag(), "a complete poll advances the validators");
  }

  @Test
  void entryLinksAreMadeAbsoluteOffTheEventLoop() throws Exception {
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < 150; i++)
      links
          .append("&lt;p&gt;See &lt;a href=\"/notes/")
          .append(i)
          .append("\"&gt;note&lt;/a&gt; and")
          .append(" &lt;img src=\"/img/")
          .append(i)
          .append(".png\"&gt;&lt;/p&gt;");
    feed = rss(200).replace("<description>Bulletin ", "<description>" + links + "Bulletin ");
    try (BlockedLoops blocked = new BlockedLoops()) {
      String id = subscribe();
      TestServer.awaitCondition(
          "all 200 entries stored", Duration.ofSeconds(120), () -> stored(id, 200) == 200);
      assertEquals(List.of(), blocked.caughtIn("org.jsoup.", "dev.tributary.extract.web."));
    }
  }

  @Test
  void aPollWhoseEntriesFailTransientlyKeepsItsValidatorsAndTheNextPollStoresThem()
      throws Exception {
    feed = rss(40);
    Set<String> failOnce = ConcurrentHashMap.newKeySet();
    failOnce.add("entry-12");
    vertx
        .eventBus()
        .addInboundInterceptor(
            delivery -> {
              if (Addresses.PIPELINE.equals(delivery.message().address())
                  && delivery.message().body() instanceof RawDocument doc) {
                if ("entry-0".equals(doc.guid())) {
                  delivery.message().fail(422, "bad input: the entry is unreadable");
                  return;
                }
                if (failOnce.remove(doc.guid())) {
                  delivery.message().fail(503, "disk full");
                  return;
                }
              }
              delivery.next();
            });
    String id = subscribe();
    TestServer.awaitCondition(
        "the first poll saved", () -> !Source.NEW.equals(source(id).status()));
    Source first = source(id);
    assertNull(first.etag(), "the validators did not advance: " + first.lastError());
    assertEquals(Source.ERROR, first.status());
    assertTrue(first.lastError().contains("disk full"), first.lastError());
    assertTrue(stored(id, 40) < 39, "some entries wait for the next poll");

    await(
        vertx.eventBus().request(Addresses.STORE_UPDATE_SOURCE, first.withNextPoll(Instant.now())));
    TestServer.awaitCondition(
        "the next poll stores the rest",
        Duration.ofSeconds(30),
        () -> stored(id, 40) == 39 && Source.OK.equals(source(id).status()));
    assertEquals(
        WebServer.FEED_ETAG, source(id).etag(), "entry-0, refused for good, does not hold it back");
    assertTrue(refusedEntries() >= 1, "the refused entry is counted");
  }

  /** {@code tributary_ingest_failures_total{reason="feed_entry_refused"}} from /metrics. */
  double refusedEntries() throws Exception {
    Matcher m =
        Pattern.compile(
                "(?m)^tributary_ingest_failures_total\\{reason=\"feed_entry_refused\"} ([0-9.E]+)$")
            .matcher(server.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
