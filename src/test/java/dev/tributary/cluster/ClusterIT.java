package dev.tributary.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tributary.TestServer;
import dev.tributary.bus.Addresses;
import dev.tributary.config.TributaryConfig;
import dev.tributary.http.SseClient;
import dev.tributary.sources.Source;
import dev.tributary.store.postgres.PostgresTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered instances in one JVM on loopback. Each on its own SQLite store: what one member
 * stores reaches the other's live stream, and a shared inbox gives each file to one member only.
 * Both on one fresh PostgreSQL database (when {@code TRIBUTARY_TEST_PG_URI} names a server; skipped
 * with a line saying so otherwise): one member's article is in the other's feed, and each due
 * source is polled by one member only.
 */
class ClusterIT {
  @TempDir Path tmp;
  private final List<Vertx> members = new ArrayList<>();
  private PostgresTestDatabase database;
  private HttpServer feeds;
  private final CountDownLatch releaseFeeds = new CountDownLatch(1);

  @AfterEach
  void leave() throws Exception {
    releaseFeeds.countDown();
    try {
      // longer than a member's own leave may take: right after the other member went, leaving can
      // wait out Vert.x's 30 s for the cluster before it gives up ("Failed to leave cluster")
      for (Vertx vertx : members) vertx.close().await(90, TimeUnit.SECONDS);
    } finally {
      // a member that did not leave in time must not hold its name into the next test
      com.hazelcast.core.Hazelcast.shutdownAll();
      if (feeds != null) feeds.stop(0);
      if (database != null) database.close();
    }
  }

  @Test
  void anArticlePostedToOneMemberReachesTheOthersLiveStream() throws Exception {
    List<TestServer> pair = startPair(new JsonObject());
    TestServer a = pair.get(0);
    TestServer b = pair.get(1);
    try (SseClient stream = new SseClient(b.baseUrl + "/api/stream", null)) {
      assertEquals(200, stream.response.statusCode());
      var posted =
          a.post(
              "/api/articles",
              "text/plain",
              "Ketamine trial across the cluster\n\nA trial of ketamine for depression.",
              a.token);
      assertEquals(201, posted.statusCode(), posted.body());
      String id = new JsonObject(posted.body()).getString("id");
      SseClient.Event event = stream.next();
      assertEquals("article", event.name());
      JsonObject article = new JsonObject(event.data());
      assertEquals(id, article.getString("id"));
      assertEquals("Ketamine trial across the cluster", article.getString("title"));
    }
  }

  @Test
  void aSharedInboxGivesEachFileToOneMemberOnly() throws Exception {
    Path inbox = tmp.resolve("shared-inbox");
    List<TestServer> pair =
        startPair(new JsonObject().put("inbox", new JsonObject().put("dir", inbox.toString())));
    int files = 60;
    for (int i = 0; i < files; i++) {
      Path part = inbox.resolve("note-" + i + ".txt.part");
      Files.writeString(part, "Shared note " + i + "\n\nBody of note number " + i + ".");
      Files.move(part, inbox.resolve("note-" + i + ".txt"));
    }
    TestServer.awaitCondition("every file in done/", () -> count(inbox.resolve("done")) == files);
    TestServer.awaitCondition("both stores to answer", () -> totalArticles(pair) == files);
    assertEquals(files, totalArticles(pair), "each file is one article in one store, not two");
    assertEquals(0, count(inbox.resolve("failed")));
    assertTrue(
        claimFolders(inbox).stream().allMatch(dir -> count(dir) == 0),
        "no file is left in a claim folder");
  }

  @Test
  void onOnePostgresDatabaseAnArticlePostedToOneMemberIsInTheOthersFeedAndStream()
      throws Exception {
    List<TestServer> pair = startPair(onSharedPostgres(new JsonObject()));
    TestServer a = pair.get(0);
    TestServer b = pair.get(1);
    assertTrue(b.get("/feed.atom").body().contains("<feed"), "b's feed cached while empty");
    try (SseClient stream = new SseClient(b.baseUrl + "/api/stream", null)) {
      var posted =
          a.post(
              "/api/articles",
              "text/plain",
              "Lozenges shared by the cluster\n\nA ketamine lozenge trial, stored once for both.",
              a.token);
      assertEquals(201, posted.statusCode(), posted.body());
      String id = new JsonObject(posted.body()).getString("id");
      assertEquals(id, new JsonObject(stream.next().data()).getString("id"));
    }
    TestServer.awaitCondition(
        "a's article in b's /feed.atom",
        () -> body(b, "/feed.atom").contains("Lozenges shared by the cluster"));
    assertEquals(body(a, "/feed.atom"), body(b, "/feed.atom"), "both serve the same feed bytes");
  }

  @Test
  void onOnePostgresDatabaseEachDueSourceIsPolledByOneMemberOnly() throws Exception {
    Map<String, AtomicInteger> requests = serveHeldFeeds();
    List<TestServer> pair =
        startPair(
            onSharedPostgres(
                new JsonObject()
                    .put(
                        "fetch",
                        new JsonObject()
                            .put("allowPrivateAddresses", true)
                            .put("timeoutMs", 120_000))));
    AtomicInteger[] claims = {countClaims(members.get(0)), countClaims(members.get(1))};
    int sources = 10;
    for (int i = 0; i < sources; i++) {
      String url = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/feed/" + i + ".xml";
      Source source = Source.subscribe("s" + i, url, "Feed " + i, 60, Instant.now());
      // half through each member, as POST /api/sources on either would
      members.get(i % 2).eventBus().request(Addresses.STORE_ADD_SOURCE, source).await();
    }
    TestServer.awaitCondition("a feed asked for", () -> !requests.isEmpty());
    awaitClaims(claims, 3);
    assertTrue(
        requests.values().stream().allMatch(n -> n.get() == 1),
        "while the polls are held open, both members keep claiming and nobody asks for a feed"
            + " twice: "
            + requests);

    releaseFeeds.countDown();
    TestServer.awaitCondition(
        "every poll saved",
        () -> polledBy(pair.get(1)).size() == sources && !polledBy(pair.get(1)).contains(null));
    awaitClaims(claims, 3);
    assertEquals(sources, requests.size());
    assertTrue(
        requests.values().stream().allMatch(n -> n.get() == 1),
        "each feed polled once, and not again within its interval: " + requests);
    assertTrue(
        Set.of("member-0", "member-1").containsAll(polledBy(pair.get(0))),
        "GET /api/sources names the member polling each: " + polledBy(pair.get(0)));
  }

  /** The overrides plus a store shared by both members: one fresh PostgreSQL database. */
  private JsonObject onSharedPostgres(JsonObject overrides) {
    database = PostgresTestDatabase.create();
    return overrides.put(
        "store",
        new JsonObject()
            .put("kind", "postgres")
            .put("postgres", new JsonObject().put("uri", database.uri()).put("poolSize", 4)));
  }

  /**
   * A feed server that counts the requests for each path and holds every answer until {@link
   * #releaseFeeds}: a poll in flight stays in flight (and its lease held), so a second member
   * polling the same feed would show as a second request. The members' other claimed polls wait for
   * a slot on this one host meanwhile.
   */
  private Map<String, AtomicInteger> serveHeldFeeds() throws IOException {
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feeds.setExecutor(Executors.newCachedThreadPool());
    feeds.createContext(
        "/feed/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          try {
            releaseFeeds.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] rss =
              ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                      + path
                      + "</title><link>http://127.0.0.1/</link><description>d</description><item>"
                      + "<title>Item of "
                      + path
                      + "</title><guid>"
                      + path
                      + "</guid><description>The one entry of "
                      + path
                      + ".</description></item></channel></rss>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
          exchange.sendResponseHeaders(200, rss.length);
          try (var body = exchange.getResponseBody()) {
            body.write(rss);
          }
        });
    feeds.start();
    return requests;
  }

  /** Counts the member's claims of due sources (its scheduler asks the store once a tick). */
  private static AtomicInteger countClaims(Vertx member) {
    AtomicInteger claims = new AtomicInteger();
    member
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              if (Addresses.STORE_DUE_SOURCES.equals(delivery.message().address()))
                claims.incrementAndGet();
              delivery.next();
            });
    return claims;
  }

  /** Waits until each member has asked for due sources {@code more} more times. */
  private static void awaitClaims(AtomicInteger[] claims, int more) throws InterruptedException {
    int[] from = {claims[0].get(), claims[1].get()};
    TestServer.awaitCondition(
        more + " more claims by each member",
        () -> claims[0].get() >= from[0] + more && claims[1].get() >= from[1] + more);
  }

  /** Each source's polledBy (null before its first saved poll), as GET /api/sources shows it. */
  private static List<String> polledBy(TestServer server) {
    try {
      JsonArray listing = new JsonArray(server.getWithToken("/api/sources").body());
      List<String> names = new ArrayList<>();
      for (int i = 0; i < listing.size(); i++) {
        JsonObject source = listing.getJsonObject(i);
        names.add(source.getString("status").equals("new") ? null : source.getString("polledBy"));
      }
      return names;
    } catch (Exception e) {
      return List.of();
    }
  }

  private static String body(TestServer server, String path) {
    try {
      return server.get(path).body();
    } catch (Exception e) {
      return "";
    }
  }

  /** Two members that know each other, each with its own data folder. */
  private List<TestServer> startPair(JsonObject overrides) throws Exception {
    int[] ports = {freePort(), freePort()};
    List<TestServer> pair = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonObject cluster =
          new JsonObject()
              .put("enabled", true)
              .put("host", "127.0.0.1")
              .put("port", ports[i])
              .put("busPort", freePort())
              .put("members", "127.0.0.1:" + ports[1 - i])
              .put("memberName", "member-" + i);
      JsonObject config = overrides.copy().put("cluster", cluster);
      Path dataDir = tmp.resolve("member-" + i);
      TributaryConfig parsed = TestServer.config(dataDir, config);
      Vertx vertx =
          ClusterMember.join(Vertx.builder(), testOptions(), parsed.cluster())
              .await(60, TimeUnit.SECONDS);
      members.add(vertx);
      pair.add(TestServer.start(vertx, dataDir, config));
    }
    assertNotEquals(pair.get(0).baseUrl, pair.get(1).baseUrl);
    return pair;
  }

  private static VertxOptions testOptions() {
    return new VertxOptions()
        .setBlockedThreadCheckInterval(
            Long.getLong("vertx.options.blockedThreadCheckInterval", 100))
        .setMaxEventLoopExecuteTime(
            Long.getLong("vertx.options.maxEventLoopExecuteTime", 100_000_000L))
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.NANOSECONDS);
  }

  private static int totalArticles(List<TestServer> servers) {
    int total = 0;
    for (TestServer server : servers) {
      try {
        var response = server.get("/api/timeline?limit=200");
        total += new JsonObject(response.body()).getJsonArray("items").size();
      } catch (Exception e) {
        return -1;
      }
    }
    return total;
  }

  private static List<Path> claimFolders(Path inbox) {
    try (Stream<Path> dirs = Files.list(inbox.resolve(".claimed"))) {
      return dirs.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long count(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * A port free now, below the kernel's range of ephemeral ports (32768 and up on Linux): a port
   * the kernel handed out would be free when picked, but any outgoing connection made before the
   * member binds it (to PostgreSQL, to the other member) may take it as its own end, and Hazelcast,
   * which binds without trying the next port, cannot start (seen once in CI).
   */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + PORTS.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }

  private static final java.util.Random PORTS = new java.util.Random();
}
