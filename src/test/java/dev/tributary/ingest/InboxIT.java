package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The inbox on a running Tributary under a burst, and when done/ cannot be written. */
class InboxIT {
  static final int BURST = 3_000;
  static final int MAX_IN_FLIGHT = 3;

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  /** Ingest requests sent and not yet answered, counted on the event bus itself. */
  final AtomicInteger inPipeline = new AtomicInteger();

  final AtomicInteger mostInPipeline = new AtomicInteger();
  final Set<String> awaitedReplies = ConcurrentHashMap.newKeySet();

  /** inbox.maxBytes of the test tagged {@link #SMALL_MAX_BYTES}. */
  static final int SMALL_MAX_BYTES = 2_000;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    vertx = TestServer.newVertx();
    vertx.eventBus().addOutboundInterceptor(this::countIngestRequests);
    JsonObject inbox = new JsonObject().put("maxInFlight", MAX_IN_FLIGHT);
    if (test.getTags().contains("smallMaxBytes")) {
      inbox.put("maxInFlight", 32).put("maxBytes", SMALL_MAX_BYTES);
    }
    server = TestServer.start(vertx, dataDir, new JsonObject().put("inbox", inbox));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void countIngestRequests(DeliveryContext<Object> delivery) {
    var message = delivery.message();
    if (Addresses.PIPELINE.equals(message.address()) && message.replyAddress() != null) {
      awaitedReplies.add(message.replyAddress());
      mostInPipeline.accumulateAndGet(inPipeline.incrementAndGet(), Math::max);
    } else if (awaitedReplies.remove(message.address())) {
      inPipeline.decrementAndGet();
    }
    delivery.next();
  }

  @Test
  @Tag("smallMaxBytes")
  void filesInFlightHoldNoMoreThanFourTimesTheLargestFileAllowed() throws Exception {
    // 1,900 bytes each against inbox.maxBytes 2,000: four fit in 8,000 bytes, a fifth does not
    String padding = " Patients with depression were treated.".repeat(60);
    for (int i = 0; i < 200; i++) {
      String text = "Clinic note " + i + "\n\nKetamine clinic number " + i + "." + padding;
      Files.writeString(
          server.inbox().resolve(String.format("note-%03d.txt", i)), text.substring(0, 1_900));
    }
    Path done = server.inbox().resolve("done");
    TestServer.awaitCondition(
        "all 200 files in done/",
        Duration.ofMinutes(2),
        () -> count(done) == 200 || count(server.inbox().resolve("failed")) > 0);

    assertEquals(200, count(done));
    assertTrue(
        mostInPipeline.get() <= 4,
        "at most 4 files of 1,900 bytes at once, saw " + mostInPipeline.get());
    assertTrue(mostInPipeline.get() > 1, "more than one at once, saw " + mostInPipeline.get());
  }

  @Test
  void aBurstOfThousandsOfFilesAllEndInDoneWithNoMoreInFlightThanTheGateAllows() throws Exception {
    for (int i = 0; i < BURST; i++) {
      Files.writeString(
          server.inbox().resolve(String.format("report-%05d.txt", i)),
          "Clinic report "
              + i
              + "\n\nKetamine clinic number "
              + i
              + " treated "
              + (i * 7 % 113)
              + " patients with depression this month.\n");
    }
    Path done = server.inbox().resolve("done");
    TestServer.awaitCondition(
        "all " + BURST + " files in done/",
        Duration.ofMinutes(3),
        () -> count(done) == BURST || count(server.inbox().resolve("failed")) > 0);

    assertEquals(0, count(server.inbox().resolve("failed")), "nothing failed");
    assertEquals(BURST, count(done));
    assertEquals(0, inPipeline.get(), "every ingest request was answered");
    assertTrue(
        mostInPipeline.get() <= MAX_IN_FLIGHT,
        "at most " + MAX_IN_FLIGHT + " in the pipeline at once, saw " + mostInPipeline.get());
    assertTrue(mostInPipeline.get() > 0, "requests were counted");
    String metrics = server.get("/metrics").body();
    assertTrue(metrics.contains("tributary_ingest_in_flight{input=\"inbox\"} 0.0"), metrics);
    assertTrue(
        metrics.contains("tributary_articles_ingested_total{input=\"inbox\"} " + BURST + ".0"));
  }

  @Test
  void aStoredFileThatCannotBeMovedToDoneGoesToFailedWithTheReasonAndIsIngestedOnce()
      throws Exception {
    Path done = server.inbox().resolve("done");
    Files.delete(done);
    Files.writeString(done, "a file where the folder should be: nothing can be moved into it");
    Files.copy(
        Path.of("samples/articles/000_4df5721ed5792e6c.txt"), server.inbox().resolve("report.txt"));

    Path reason = server.inbox().resolve("failed/report.txt.error.txt");
    TestServer.awaitCondition(
        "report.txt in failed/", Duration.ofSeconds(30), () -> Files.exists(reason));
    assertTrue(
        Files.readString(reason).contains("could not be moved to done/"), Files.readString(reason));
    assertTrue(Files.exists(server.inbox().resolve("failed/report.txt")));
    assertTrue(Files.notExists(server.inbox().resolve("report.txt")));
    String metrics = server.get("/metrics").body();
    assertTrue(metrics.contains("tributary_articles_ingested_total{input=\"inbox\"} 1.0"), metrics);
    assertTrue(
        metrics.contains("tributary_articles_duplicates_total{input=\"inbox\"} 0.0"),
        "the file was not ingested again while its move was retried");
  }

  private static long count(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> !f.getFileName().toString().endsWith(".error.txt")).count();
    } catch (Exception e) {
      return -1;
    }
  }
}
