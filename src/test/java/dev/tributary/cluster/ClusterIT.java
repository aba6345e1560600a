package dev.tributary.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.config.TributaryConfig;
import dev.tributary.http.SseClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered instances in one JVM on loopback, each on its own SQLite store (SQLite cannot be
 * shared; the shared-store parts run on PostgreSQL in .ci/cluster-check): what one member stores
 * reaches the other's live stream, and a shared inbox gives each file to one member only.
 */
class ClusterIT {
  @TempDir Path tmp;
  private final List<Vertx> members = new ArrayList<>();

  @AfterEach
  void leave() throws Exception {
    for (Vertx vertx : members) vertx.close().await(20, TimeUnit.SECONDS);
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
