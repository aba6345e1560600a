package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Codecs;
import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoreVerticle;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.topics.TaxonomySource;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary.topics.explain}: off the tagger's thread, bounded in number and size. */
@ExtendWith(VertxExtension.class)
class ExplainVerticleTest {
  /** Longer than any wait here: a request that ends, ends because it was answered. */
  static final long HOLD_SECONDS = 60;

  @TempDir Path dir;
  Vertx vertx;

  static final Article KETAMINE =
      TaggerVerticleTest.article(
          "Ketamine for depression", "A ketamine infusion eased treatment-resistant depression.");

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    Codecs.register(vertx);
    DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
    await(
        vertx.deployVerticle(
            new StoreVerticle(() -> SqliteStore.open(dir), new TributaryMetrics()), worker));
    await(
        vertx.deployVerticle(
            new TaggerVerticle(
                TaxonomySource.load(TaxonomySource.DEFAULT_FILE), TaxonomySource.DEFAULT_FILE),
            worker));
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(HOLD_SECONDS, TimeUnit.SECONDS);
  }

  Future<Object> explain(Article article) {
    return vertx
        .eventBus()
        .request(
            Addresses.TOPICS_EXPLAIN,
            article,
            new DeliveryOptions().setSendTimeout(HOLD_SECONDS * 1000))
        .map(reply -> reply.body());
  }

  @Test
  void anExplanationIsAnsweredWhileTheTaggersThreadIsBusy() throws Exception {
    CountDownLatch taggerHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holding = new AtomicBoolean(true);
    // A re-tag reads the store from the tagger's own thread: hold that thread there. (The start-up
    // corpus load's read was sent while the tagger deployed, before this interceptor.)
    vertx
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              if (delivery.message().address().equals(Addresses.STORE_REPLAY)
                  && holding.getAndSet(false)) {
                taggerHeld.countDown();
                try {
                  release.await(HOLD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              delivery.next();
            });
    vertx.eventBus().request(Addresses.TOPICS_RETAG, null);
    try {
      assertTrue(
          taggerHeld.await(HOLD_SECONDS, TimeUnit.SECONDS),
          "the tagger's thread is held in the re-tag");
      var explained =
          vertx
              .eventBus()
              .request(
                  Addresses.TOPICS_EXPLAIN, KETAMINE, new DeliveryOptions().setSendTimeout(10_000))
              .toCompletionStage()
              .toCompletableFuture();
      JsonArray topics = (JsonArray) explained.get(HOLD_SECONDS, TimeUnit.SECONDS).body();
      assertEquals(1, release.getCount(), "answered while the tagger was still held");
      assertTrue(topics.encode().contains("\"ketamine\""), topics.encode());
    } finally {
      release.countDown();
    }
  }

  @Test
  void explanationsBeyondThePoolAndItsQueueFailAtOnceWith503() throws Exception {
    WorkerExecutor pool =
        vertx.createSharedWorkerExecutor(ExplainVerticle.POOL, ExplainVerticle.THREADS);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < ExplainVerticle.THREADS; i++) {
      pool.executeBlocking(() -> release.await(HOLD_SECONDS, TimeUnit.SECONDS), false);
    }
    List<Future<Object>> admitted = new ArrayList<>();
    for (int i = 0; i < ExplainVerticle.THREADS + ExplainVerticle.QUEUE; i++) {
      admitted.add(explain(KETAMINE));
    }
    Future<Object> oneTooMany = explain(KETAMINE);
    try {
      ReplyException refused = failureOf(oneTooMany);
      assertEquals(Failures.SATURATED, refused.failureCode());
      assertTrue(refused.getMessage().contains("try again later"), refused.getMessage());
      assertFalse(admitted.stream().anyMatch(Future::isComplete), "the admitted ones wait");
    } finally {
      release.countDown();
    }
    for (Future<Object> f : admitted) assertInstanceOf(JsonArray.class, await(f));
  }

  @Test
  void anArticleTooLongToExplainIsRefusedWith413() throws Exception {
    Article huge =
        TaggerVerticleTest.article(
            "Long", "ketamine ".repeat(ExplainVerticle.MAX_CHARS / "ketamine ".length() + 1));
    ReplyException refused = failureOf(explain(huge));
    assertEquals(Failures.TOO_LARGE, refused.failureCode());
    assertTrue(refused.getMessage().contains("characters long"), refused.getMessage());
  }

  static ReplyException failureOf(Future<?> request) throws Exception {
    try {
      await(request);
    } catch (ExecutionException e) {
      return assertInstanceOf(ReplyException.class, e.getCause());
    }
    throw new AssertionError("the request succeeded");
  }
}
