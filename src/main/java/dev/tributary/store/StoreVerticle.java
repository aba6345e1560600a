package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage of the pipeline and the one reader of the store. A worker verticle with a single
 * instance, so the blocking store is used from one thread at a time. Publishes {@link
 * Addresses#ARTICLE_STORED} for each new article once it is durable.
 *
 * <p>Every address is served through {@link #serve}, which answers each message exactly once: with
 * the result, or at once with a failure code — 503 when the disk is full ({@link
 * StoreFullException}), 500 for anything else, whatever was thrown. While the disk is full the ping
 * fails too (so {@code /health/ready} answers 503) until a write succeeds again or the ping's own
 * check finds room.
 */
public final class StoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);

  private final Supplier<Store> opener;
  private final TributaryMetrics metrics;

  /** Each source's status, kept here so the sources-by-status gauge never reads the store. */
  private final Map<String, String> sourceStatus = new HashMap<>();

  private final List<Future<Void>> registrations = new ArrayList<>();
  private Store store;

  /** The failure that found the disk full; null while writes succeed. */
  private StoreFullException full;

  public StoreVerticle(Supplier<Store> opener, TributaryMetrics metrics) {
    this.opener = opener;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    store = opener.get();
    for (Source s : store.sources().items()) sourceStatus.put(s.id(), s.status());
    publishSourceCounts();
    serve(Addresses.STORE_PUT, this::put);
    this.<String>serve(Addresses.STORE_GET, id -> found(store.get(id), "no article with id " + id));
    serve(Addresses.STORE_TIMELINE, store::timeline);
    serve(Addresses.STORE_TOPIC_COUNTS, x -> store.topicCounts());
    serve(Addresses.STORE_REPLAY, store::storedAfter);
    serve(Addresses.STORE_LAST_SEQ, x -> store.lastSeq());
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
    serve(Addresses.STORE_DUE_SOURCES, store::dueSources);
    this.<String>serve(
        Addresses.STORE_HUB_SUBSCRIPTION,
        id -> found(store.hubSubscription(id), "no hub subscription for " + id));
    serve(Addresses.STORE_SAVE_HUB_SUBSCRIPTION, written(store::saveHubSubscription));
    serve(Addresses.STORE_EXISTING_IDS, this::existingIds);
    serve(Addresses.STORE_PING, x -> ping());
    return Future.all(registrations);
  }

  @Override
  public Future<?> stop() {
    if (store != null) store.close();
    return Future.succeededFuture();
  }

  /** Answers the address with the work's result; see {@link #answer} for failures. */
  private <T> void serve(String address, Function<T, ?> work) {
    registrations.add(vertx.eventBus().<T>consumer(address, m -> answer(m, work)).completion());
  }

  /**
   * Runs one store call for a message, timed by its address, and replies — or fails the message at
   * once, whatever the call threw, so no request is left to run into its timeout.
   */
  private <T> void answer(Message<T> message, Function<T, ?> work) {
    try {
      Object result = metrics.timeStore(message.address(), () -> work.apply(message.body()));
      if (result instanceof NotFound nf) message.fail(Failures.NOT_FOUND, nf.message());
      else message.reply(result);
    } catch (StoreFullException e) {
      diskFull(e);
      message.fail(Failures.SATURATED, e.getMessage());
    } catch (StoreException e) {
      LOG.error("Store failure on {}", message.address(), e);
      message.fail(Failures.INTERNAL, e.getMessage());
    } catch (Throwable e) { // even an Error: the message must still be answered
      LOG.error("Unexpected failure on {}", message.address(), e);
      message.fail(Failures.INTERNAL, "store failed: " + e);
      if (e instanceof VirtualMachineError fatal) throw fatal;
    }
  }

  /** A lookup's answer: the value, or a 404 with this message. */
  private record NotFound(String message) {}

  private static Object found(Optional<?> value, String notFound) {
    return value.isPresent() ? value.get() : new NotFound(notFound);
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

  private StoredArticle put(Article article) {
    StoredArticle stored = store.put(article);
    if (stored.created()) {
      canWriteAgain();
      Article a = stored.article();
      LOG.info("Stored article {} from {}: {}", a.id(), a.source().id(), a.title());
      metrics.ingested(a.source().id());
      vertx.eventBus().publish(Addresses.ARTICLE_STORED, stored);
    } else {
      metrics.duplicate(article.source().id());
      LOG.info("Duplicate of article {} from {}", stored.article().id(), article.source().id());
    }
    return stored;
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
