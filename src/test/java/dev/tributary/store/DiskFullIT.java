package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the data folder on a small tmpfs, filled to the last byte. Needs root (to
 * mount); skipped, saying so, elsewhere. CI runs as root.
 */
class DiskFullIT {
  @TempDir Path tmp;
  Path dataDir;
  Path inbox;
  boolean mounted;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    dataDir = Files.createDirectories(tmp.resolve("data"));
    inbox = Files.createDirectories(tmp.resolve("inbox")); // on the roomy disk
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "skipped: mounting a tmpfs needs root, and this runs as "
            + System.getProperty("user.name"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dataDir.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(mount.getInputStream().readAllBytes());
    assumeTrue(mount.waitFor() == 0, "skipped: cannot mount a tmpfs here: " + said);
    mounted = true;
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject().put("inbox", new JsonObject().put("dir", inbox.toString())));
  }

  @AfterEach
  void unmount() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (mounted) new ProcessBuilder("umount", dataDir.toString()).start().waitFor();
  }

  /** Writes one file until the disk refuses another byte. */
  Path fillTheDisk() throws IOException {
    Path filler = dataDir.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) out.write(block);
    } catch (IOException e) {
      assertTrue(String.valueOf(e.getMessage()).contains("No space left"), e.toString());
    }
    return filler;
  }

  /** An article too long to fit in pages the database already has; its text is its own. */
  String longText(String title) {
    return longText(title, 2_000);
  }

  /**
   * An article whose text alone is larger than the store's write-ahead log file: its pages cannot
   * fit in room the disk already gave. Once the log is checkpointed (store/sqlite/WalCheckpoints)
   * the writer reuses the log file from its start, and an article that fits in it is stored, full
   * disk or not: durably, so rightly.
   */
  String largerText(String title) throws IOException {
    long log = Files.size(dataDir.resolve("tributary.db-wal"));
    String sentence = title + " needs new pages on the disk. ";
    return longText(title, (int) (log / sentence.length()) + 2_000);
  }

  String longText(String title, int sentences) {
    return title + "\n\n" + (title + " needs new pages on the disk. ").repeat(sentences);
  }

  int post(String text) throws Exception {
    return server.post("/api/articles", "text/plain", text, server.token).statusCode();
  }

  @Test
  void writesAnswer503AndReadyIsDownWhileTheDiskIsFullThenIngestResumes() throws Exception {
    assertEquals(201, post(longText("Stored while there was room")));
    assertEquals(200, server.get("/health/ready").statusCode());
    Path filler = fillTheDisk();

    var refused = server.post("/api/articles", "text/plain", largerText("No room"), server.token);
    assertEquals(
        503,
        refused.statusCode(),
        refused.body().substring(0, Math.min(200, refused.body().length())));
    assertTrue(
        new JsonObject(refused.body()).getString("error").contains("the disk is full"),
        refused.body());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    var ready = server.get("/health/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("the disk is full"), ready.body());

    var timeline = server.get("/api/timeline");
    assertEquals(200, timeline.statusCode());
    assertTrue(timeline.body().contains("Stored while there was room"));
    assertEquals(200, server.get("/feed.atom").statusCode());

    String storeFailures = "tributary_ingest_failures_total{reason=\"store\"}";
    double refusedSoFar = metric(storeFailures); // the POST above counts too
    Path file = inbox.resolve("waits-for-room.txt");
    Files.writeString(file, largerText("Dropped while the disk was full"));
    TestServer.awaitCondition(
        "the inbox file to be tried and refused", () -> metric(storeFailures) > refusedSoFar);
    assertTrue(Files.exists(file), "an inbox file the store could not take stays in the inbox");
    assertTrue(!Files.exists(inbox.resolve("failed").resolve(file.getFileName())));

    Files.delete(filler);
    TestServer.awaitCondition("ready again once space returns", () -> get("/health/ready") == 200);
    assertEquals(201, post(longText("Stored once there was room again")));
    TestServer.awaitCondition(
        "the inbox file ingested on its retry",
        Duration.ofSeconds(90),
        () -> Files.exists(inbox.resolve("done").resolve(file.getFileName())));
  }

  int get(String path) {
    try {
      return server.get(path).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  double metric(String series) {
    try {
      for (String line : server.get("/metrics").body().split("\n")) {
        if (line.startsWith(series + " ")) {
          return Double.parseDouble(line.substring(series.length() + 1));
        }
      }
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
