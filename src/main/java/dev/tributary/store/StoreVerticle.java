package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.sources.Source;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage of the pipeline and the one writer of the store. A worker verticle with a single
 * instance, so the blocking store is written from one thread at a time. Reads are served by {@link
 * StoreReaderVerticle}s on their own connections, which it deploys.
 *
 * <p>Puts are committed in groups ({@link GroupCommit}): each {@link Addresses#STORE_PUT} request
 * joins the open batch, and the batch is written in one transaction — one fsync — once it holds
 * {@code maxArticles}, or when the store has taken every request queued for it ({@code maxDelayMs}
 * 0), or {@code maxDelayMs} after its first article. Each caller is answered after the commit, with
 * its own article's result; {@link Addresses#ARTICLE_STORED} is published for each new article
 * after the commit. One article's failure fails only its own request.
 *
 * <p>Every request is answered exactly once, at once on failure ({@link StoreAnswers}): 503 when
 * the disk is full, 500 for anything else, whatever was thrown. While the disk is full the ping
 * fails too (so {@code /health/ready} answers 503) until a write succeeds again or the ping's own
 * check finds room.
 */
public final class StoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);
  private static final DeploymentOptions WORKER =
      new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);

  /**
   * The priority of the threads that feed the writer or follow it (the pipeline's, the search
   * index's), below the writer's: where the CPU is short, the one writer (a serial stage that every
   * article waits for, and that sleeps in each commit's fsync) gets a core back first when it
   * wakes, and the parallel stages take what is left. Measured on 2 cores: POST from 16 clients 300
   * → 394 articles/s cold (bench/README.md, "Ingest results"). The JVM passes it to the OS only
   * with {@code -XX:ThreadPriorityPolicy=1}, as the container's entry point starts it (Dockerfile);
   * otherwise it changes nothing.
   */
  public static final int BELOW_THE_WRITER = Thread.MIN_PRIORITY;

  private final Supplier<Store> opener;
  private final Supplier<Store> readerOpener;
  private final int readers;
  private final GroupCommit groupCommit;
  private final TributaryMetrics metrics;

  /** Each source's status, kept here so the sources-by-status gauge never reads the store. */
  private final Map<String, String> sourceStatus = new HashMap<>();

  private final List<Future<?>> registrations = new ArrayList<>();
  private StoreAnswers answers;
  private Store store;

  /** The failure that found the disk full; null while writes succeed. */
  private StoreFullException full;

  /** Put requests waiting for the next commit, at most {@code groupCommit.maxArticles()}. */
  private final List<Message<PutRequest>> batch = new ArrayList<>();

  /** Whether a commit of {@link #batch} is scheduled (on the context, or by a timer). */
  private boolean commitScheduled;

  /** The timer of a scheduled commit when {@code maxDelayMs} > 0; -1 when none. */
  private long commitTimer = -1;

  /**
   * @param opener opens the writing connection
   * @param readerOpener opens one reading connection per reader
   * @param readers reader verticles to deploy; 0: this verticle serves the reads itself, behind the
   *     writes (for tests that need no more)
   */
  public StoreVerticle(
      Supplier<Store> opener,
      Supplier<Store> readerOpener,
      int readers,
      GroupCommit groupCommit,
      TributaryMetrics metrics) {
    this.opener = opener;
    this.readerOpener = readerOpener;
    this.readers = readers;
    this.groupCommit = groupCommit;
    this.metrics = metrics;
  }

  /** A store that serves its reads itself, with the default group commit. */
  public StoreVerticle(Supplier<Store> opener, TributaryMetrics metrics) {
    this(opener, null, 0, GroupCommit.DEFAULT, metrics);
  }

  @Override
  public Future<?> start() {
    store = opener.get();
    answers = new StoreAnswers(vertx, metrics, this::diskFull);
    for (Source s : store.sources().items()) sourceStatus.put(s.id(), s.status());
    publishSourceCounts();
    registrations.add(
        vertx
            .eventBus()
            .<PutRequest>localConsumer(Addresses.STORE_PUT, this::enqueue)
            .completion());
    serve(Addresses.STORE_CORPUS_TERMS, store::corpusTerms);
    serve(Addresses.STORE_CORPUS_SEQS, store::seqsAfter);
    serve(Addresses.STORE_CORPUS_SAVE, written(this::saveCorpus));
    serve(Addresses.STORE_REPLACE_TOPICS, written(store::replaceTopics));
    serve(Addresses.STORE_ADD_EXAMPLES, written(store::addExamples));
    serve(Addresses.STORE_EXAMPLES, x -> store.examples());
    serve(Addresses.STORE_ADD_SOURCE, written(this::addSource));
    serve(Addresses.STORE_UPDATE_SOURCE, written(this::updateSource));
    serve(Addresses.STORE_DELETE_SOURCE, written(this::deleteSource));
    serve(Addresses.STORE_SOURCES, x -> store.sources());
    serve(Addresses.STORE_DUE_SOURCES, store::claimDueSources);
    this.<String>serve(
        Addresses.STORE_HUB_SUBSCRIPTION,
        id -> StoreAnswers.found(store.hubSubscription(id), "no hub subscription for " + id));
    serve(Addresses.STORE_SAVE_HUB_SUBSCRIPTION, written(store::saveHubSubscription));
    serve(Addresses.STORE_EXISTING_IDS, this::existingIds);
    serve(Addresses.STORE_READER_CHANGE, written(store::changeState));
    serve(Addresses.STORE_READER_MARK_ALL, written(store::markAllRead));
    serve(Addresses.STORE_PING, x -> ping());
    if (readers == 0) {
      registrations.addAll(StoreReaderVerticle.serveReads(answers, store));
    } else {
      registrations.add(
          vertx.deployVerticle(
              () -> new StoreReaderVerticle(readerOpener, metrics),
              new DeploymentOptions(WORKER).setInstances(readers)));
    }
    return Future.all(registrations);
  }

  @Override
  public Future<?> stop() {
    commit(); // puts still waiting for their batch are written and answered, not left to time out
    if (store != null) store.close();
    return Future.succeededFuture();
  }

  private <T> void serve(String address, Function<T, ?> work) {
    registrations.add(answers.serve(address, work));
  }

  /**
   * Adds a put request to the open batch: committed at once when full, else scheduled — behind the
   * requests already queued for this verticle when there is no delay, so they join it.
   */
  private void enqueue(Message<PutRequest> message) {
    batch.add(message);
    if (batch.size() >= groupCommit.maxArticles()) {
      commit();
    } else if (!commitScheduled) {
      commitScheduled = true;
      if (groupCommit.maxDelayMs() == 0) context.runOnContext(v -> commit());
      else commitTimer = vertx.setTimer(groupCommit.maxDelayMs(), t -> commit());
    }
  }

  /** Writes the open batch in one transaction, then answers each request and publishes. */
  private void commit() {
    commitScheduled = false;
    if (commitTimer != -1) {
      vertx.cancelTimer(commitTimer);
      commitTimer = -1;
    }
    if (batch.isEmpty()) return;
    List<Message<PutRequest>> messages = List.copyOf(batch);
    batch.clear();
    List<PutRequest> articles = messages.stream().map(Message::body).toList();
    List<PutResult> results;
    try {
      results = metrics.timeStore(Addresses.STORE_PUT, () -> store.putBatch(articles));
      if (results.size() != articles.size()) {
        throw new StoreException(
            results.size() + " results for " + articles.size() + " articles", null);
      }
    } catch (Throwable e) {
      answers.failAll(Addresses.STORE_PUT, messages, e);
      return;
    }
    metrics.storeBatch(messages.size());
    for (int i = 0; i < messages.size(); i++) answer(messages.get(i), results.get(i));
  }

  private void answer(Message<PutRequest> message, PutResult result) {
    Article article = message.body().article();
    if (result.isFailed()) {
      LOG.warn(
          "Article {} from {} not stored: {}",
          article.id(),
          article.source().id(),
          result.failure());
      message.fail(Failures.INTERNAL, result.failure());
      return;
    }
    StoredArticle stored = result.stored();
    if (stored.created()) {
      canWriteAgain();
      Article a = stored.article();
      LOG.debug("Stored article {} from {}: {}", a.id(), a.source().id(), a.title());
      metrics.ingested(a.source().id());
      vertx.eventBus().publish(Addresses.ARTICLE_STORED, stored);
    } else {
      metrics.duplicate(article.source().id());
      LOG.debug("Duplicate of article {} from {}", stored.article().id(), article.source().id());
    }
    message.reply(stored);
  }

  /** A write: when it succeeds the store can write again. */
  private <T, R> Function<T, R> written(Function<T, R> write) {
    return body -> {
      R result = write.apply(body);
      canWriteAgain();
      return result;
    };
  }

  private void diskFull(StoreFullException e) {
    if (full == null) {
      LOG.error("The disk is full: writes answer 503 until space returns ({})", e.getMessage());
    }
    full = e;
  }

  private void canWriteAgain() {
    if (full == null) return;
    full = null;
    LOG.info("The store can write again");
  }

  /** Reads; while the disk is full, also checks whether space has returned. */
  private String ping() {
    store.ping();
    if (full != null) {
      store.checkWritable();
      canWriteAgain();
    }
    return "ok";
  }

  private boolean saveCorpus(CorpusDelta delta) {
    store.saveCorpus(delta);
    return true;
  }

  private Source addSource(Source source) {
    Source added = store.addSource(source);
    sourceChanged(added.id(), added.status());
    return added;
  }

  private boolean updateSource(Source source) {
    store.updateSource(source);
    sourceChanged(source.id(), source.status());
    return true;
  }

  private boolean deleteSource(String id) {
    boolean deleted = store.deleteSource(id);
    if (deleted) sourceChanged(id, null);
    return deleted;
  }

  private JsonArray existingIds(JsonArray ids) {
    return new JsonArray(
        List.copyOf(store.existingIds(ids.stream().map(String::valueOf).toList())));
  }

  private void sourceChanged(String id, String status) {
    String before = status == null ? sourceStatus.remove(id) : sourceStatus.put(id, status);
    if (!Objects.equals(before, status)) publishSourceCounts();
  }

  private void publishSourceCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String status : sourceStatus.values()) counts.merge(status, 1L, Long::sum);
    metrics.sources(counts);
  }
}
