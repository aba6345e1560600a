package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Codecs;
import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.store.sqlite.StoreLimits;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The store verticle on a real event bus over a real SQLite file. */
@ExtendWith(VertxExtension.class)
class StoreVerticleTest {
  /** Far longer than the test waits: a reply that comes must come from the store, not a timeout. */
  static final DeliveryOptions PATIENT = new DeliveryOptions().setSendTimeout(600_000);

  @TempDir Path dir;
  Vertx vertx;
  SqliteStore sqlite;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    Codecs.register(vertx);
    sqlite = SqliteStore.open(dir);
  }

  @AfterEach
  void close() {
    sqlite.close();
  }

  void deploy(Store store) throws Exception {
    await(
        vertx.deployVerticle(
            new StoreVerticle(() -> store, new TributaryMetrics()),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }

  /** The store with one reader verticle on its own connection, as Tributary deploys it. */
  void deployWithReader(Store store) throws Exception {
    await(
        vertx.deployVerticle(
            new StoreVerticle(
                () -> store,
                () -> SqliteStore.openReader(dir),
                1,
                GroupCommit.DEFAULT,
                new TributaryMetrics()),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }

  /**
   * The real store, except that the first batch written waits, on the writer's thread, until
   * released.
   */
  final class HeldStore {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    Store store() {
      return (Store)
          Proxy.newProxyInstance(
              Store.class.getClassLoader(),
              new Class<?>[] {Store.class},
              (proxy, m, args) -> {
                if (m.getName().equals("putBatch")) {
                  batchSizes.add(((List<?>) args[0]).size());
                  entered.countDown();
                  assertTrue(release.await(60, TimeUnit.SECONDS), "never released");
                }
                try {
                  return m.invoke(sqlite, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  Future<StoredArticle> put(Article article) {
    return vertx
        .eventBus()
        .<StoredArticle>request(Addresses.STORE_PUT, PutRequest.of(article), PATIENT)
        .map(Message::body);
  }

  @Test
  void putsThatArriveWhileACommitRunsAreWrittenTogetherAndEachCallerGetsItsOwnArticle()
      throws Exception {
    HeldStore held = new HeldStore();
    deploy(held.store());
    Future<StoredArticle> first = put(StoreContract.article("the first", 0));
    assertTrue(held.entered.await(20, TimeUnit.SECONDS));
    List<Article> waiting = new ArrayList<>();
    List<Future<StoredArticle>> answers = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Article a = StoreContract.article("waiting article " + i, i);
      waiting.add(a);
      answers.add(put(a));
    }
    Future<StoredArticle> duplicate = put(StoreContract.article("waiting article 7", 99));
    held.release.countDown();

    assertTrue(await(first).created());
    for (int i = 0; i < waiting.size(); i++) {
      StoredArticle stored = await(answers.get(i));
      assertTrue(stored.created());
      assertEquals(waiting.get(i).id(), stored.article().id());
    }
    StoredArticle dup = await(duplicate);
    assertFalse(dup.created());
    assertEquals(waiting.get(6).id(), dup.article().id());
    assertEquals(List.of(1, 21), held.batchSizes);
    assertEquals(21, sqlite.count());
  }

  @Test
  void aBatchThatReachesMaxArticlesIsCommittedWithoutWaitingForTheDelay() throws Exception {
    HeldStore recorded = new HeldStore();
    recorded.release.countDown(); // record batches, hold none
    await(
        vertx.deployVerticle(
            new StoreVerticle(
                recorded::store, null, 0, new GroupCommit(2, 600_000), new TributaryMetrics()),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    Future<StoredArticle> a = put(StoreContract.article("first of two", 1));
    Future<StoredArticle> b = put(StoreContract.article("second of two", 2));
    assertTrue(await(a).created());
    assertTrue(await(b).created());
    assertEquals(List.of(2), recorded.batchSizes);
  }

  @Test
  void oneArticleTheStoreRefusesFailsOnlyItsOwnRequest() throws Exception {
    HeldStore held = new HeldStore();
    deploy(held.store());
    StoreLimits.refuseTitlesContaining(dir, "poison");
    Future<StoredArticle> first = put(StoreContract.article("the first", 0));
    assertTrue(held.entered.await(20, TimeUnit.SECONDS));
    Future<StoredArticle> good = put(StoreContract.article("good", 1));
    Future<StoredArticle> bad = put(StoreContract.article("poison", 2));
    Future<StoredArticle> alsoGood = put(StoreContract.article("also good", 3));
    held.release.countDown();

    assertTrue(await(first).created());
    assertTrue(await(good).created());
    assertTrue(await(alsoGood).created());
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(bad));
    ReplyException failure = assertInstanceOf(ReplyException.class, e.getCause());
    assertEquals(Failures.INTERNAL, failure.failureCode());
    assertTrue(failure.getMessage().contains("refused by the test"), failure.getMessage());
    assertEquals(List.of(1, 3), held.batchSizes);
  }

  @Test
  void aReadIsAnsweredWhileTheWriterIsHeldInsideABatch() throws Exception {
    Article stored = StoreContract.article("stored before", 1);
    sqlite.put(stored);
    HeldStore held = new HeldStore();
    deployWithReader(held.store());
    Future<StoredArticle> writing = put(StoreContract.article("held in its batch", 2));
    assertTrue(held.entered.await(20, TimeUnit.SECONDS));

    TimelinePage page =
        (TimelinePage)
            await(
                    vertx
                        .eventBus()
                        .request(Addresses.STORE_TIMELINE, TimelineQuery.newest(5), PATIENT))
                .body();
    Article read =
        (Article) await(vertx.eventBus().request(Addresses.STORE_GET, stored.id(), PATIENT)).body();
    long lastSeq =
        (Long) await(vertx.eventBus().request(Addresses.STORE_LAST_SEQ, null, PATIENT)).body();
    assertFalse(writing.isComplete(), "the write was still held");
    held.release.countDown();

    assertEquals(List.of(stored.id()), page.items().stream().map(Article::id).toList());
    assertEquals(stored.title(), read.title());
    assertEquals(1L, lastSeq);
    assertTrue(await(writing).created());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The failure a request got; fails the test when it succeeded. */
  ReplyException failureOf(String address, Object body) throws Exception {
    try {
      await(vertx.eventBus().request(address, body, PATIENT));
    } catch (ExecutionException e) {
      return assertInstanceOf(ReplyException.class, e.getCause());
    }
    throw new AssertionError(address + " succeeded");
  }

  /** The real store, except that one method throws what it is given. */
  Store throwingFrom(String method, Supplier<Throwable> failure) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, m, args) -> {
              if (m.getName().equals(method)) throw failure.get();
              try {
                return m.invoke(sqlite, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  static Stream<Arguments> unexpectedFailures() {
    Supplier<Throwable> runtime = () -> new IllegalStateException("boom");
    Supplier<Throwable> error = () -> new ExceptionInInitializerError("boom");
    return Stream.of(
        Arguments.of(Addresses.STORE_TIMELINE, "timeline", TimelineQuery.newest(5), runtime),
        Arguments.of(Addresses.STORE_GET, "get", "some-id", runtime),
        Arguments.of(Addresses.STORE_HUB_SUBSCRIPTION, "hubSubscription", "some-id", error),
        Arguments.of(
            Addresses.STORE_PUT,
            "putBatch",
            PutRequest.of(StoreContract.article("text", 1)),
            error));
  }

  @ParameterizedTest(name = "{1} throwing")
  @MethodSource("unexpectedFailures")
  void anUnexpectedExceptionFailsTheRequestAtOnceWithA500(
      String address, String method, Object body, Supplier<Throwable> failure) throws Exception {
    deploy(throwingFrom(method, failure));
    ReplyException e = failureOf(address, body);
    assertEquals(ReplyFailure.RECIPIENT_FAILURE, e.failureType(), e.toString());
    assertEquals(Failures.INTERNAL, e.failureCode());
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
  }

  @Test
  void theStoreKeepsAnsweringAfterAnUnexpectedException() throws Exception {
    deploy(throwingFrom("topicCounts", () -> new IllegalStateException("boom")));
    failureOf(Addresses.STORE_TOPIC_COUNTS, null);
    assertEquals("ok", await(vertx.eventBus().request(Addresses.STORE_PING, null)).body());
  }

  static Article longArticle(String name) {
    return StoreContract.article(name + " " + "words that need pages ".repeat(4_000), 7);
  }

  @Test
  void aWriteOnAFullDiskFails503SayingTheDiskIsFull() throws Exception {
    deploy(sqlite);
    StoreLimits.fill(sqlite);
    ReplyException e = failureOf(Addresses.STORE_PUT, PutRequest.of(longArticle("too big")));
    assertEquals(ReplyFailure.RECIPIENT_FAILURE, e.failureType());
    assertEquals(Failures.SATURATED, e.failureCode());
    assertTrue(e.getMessage().contains("the disk is full; try again later"), e.getMessage());
  }

  @Test
  void readsKeepServingWhileTheDiskIsFull() throws Exception {
    deploy(sqlite);
    Article stored = StoreContract.article("stored before the disk filled", 1);
    await(vertx.eventBus().request(Addresses.STORE_PUT, PutRequest.of(stored)));
    StoreLimits.fill(sqlite);
    failureOf(Addresses.STORE_PUT, PutRequest.of(longArticle("too big")));
    TimelinePage page =
        (TimelinePage)
            await(vertx.eventBus().request(Addresses.STORE_TIMELINE, TimelineQuery.newest(5)))
                .body();
    assertEquals(stored.id(), page.items().get(0).id());
    Article read =
        (Article) await(vertx.eventBus().request(Addresses.STORE_GET, stored.id())).body();
    assertEquals(stored.title(), read.title());
  }

  @Test
  void thePingFailsWhileTheDiskIsFullAndSucceedsOnceSpaceReturns() throws Exception {
    deploy(sqlite);
    assertEquals("ok", await(vertx.eventBus().request(Addresses.STORE_PING, null)).body());
    StoreLimits.fill(sqlite);
    failureOf(Addresses.STORE_PUT, PutRequest.of(longArticle("too big")));
    ReplyException ping = failureOf(Addresses.STORE_PING, null);
    assertEquals(Failures.SATURATED, ping.failureCode());
    assertTrue(ping.getMessage().contains("the disk is full"), ping.getMessage());

    StoreLimits.free(sqlite);
    assertEquals("ok", await(vertx.eventBus().request(Addresses.STORE_PING, null)).body());
    StoredArticle stored =
        (StoredArticle)
            await(
                    vertx
                        .eventBus()
                        .request(Addresses.STORE_PUT, PutRequest.of(longArticle("fits now"))))
                .body();
    assertTrue(stored.created());
  }

  @Test
  void aWriteThatSucceedsAgainMakesTheStoreReady() throws Exception {
    deploy(sqlite);
    StoreLimits.fill(sqlite);
    failureOf(Addresses.STORE_PUT, PutRequest.of(longArticle("too big")));
    StoreLimits.free(sqlite);
    await(vertx.eventBus().request(Addresses.STORE_PUT, PutRequest.of(longArticle("fits now"))));
    assertEquals("ok", await(vertx.eventBus().request(Addresses.STORE_PING, null)).body());
  }

  @Test
  void aFailureThatIsNotAFullDiskStaysA500() throws Exception {
    deploy(
        throwingFrom("putBatch", () -> new StoreException("cannot store: disk I/O error", null)));
    ReplyException e = failureOf(Addresses.STORE_PUT, PutRequest.of(longArticle("any")));
    assertEquals(Failures.INTERNAL, e.failureCode());
    assertTrue(e.getMessage().contains("disk I/O error"), e.getMessage());
  }
}
