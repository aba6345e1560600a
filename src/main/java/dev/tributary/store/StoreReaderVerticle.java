package dev.tributary.store;

import dev.tributary.bus.Addresses;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves the store's reads — article by id, timeline pages (and so the feeds and pages), topic
 * counts, the stream's replay and last sequence number, the reader account's streams, items, counts
 * and sources — through its own connection, never queued behind the writer's batches: in WAL mode a
 * reader sees the last committed state while a write transaction runs. A worker verticle; several
 * instances each hold one connection and share the addresses (the event bus hands each request to
 * one of them).
 */
public final class StoreReaderVerticle extends VerticleBase {
  private final Supplier<Store> opener;
  private final TributaryMetrics metrics;
  private Store store;

  public StoreReaderVerticle(Supplier<Store> opener, TributaryMetrics metrics) {
    this.opener = opener;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    store = opener.get();
    StoreAnswers answers = new StoreAnswers(vertx, metrics, full -> {});
    return Future.all(serveReads(answers, store));
  }

  /**
   * Registers the read addresses on {@code store}; the writer does the same when it has no readers.
   */
  static List<Future<Void>> serveReads(StoreAnswers answers, Store store) {
    Function<String, Object> get =
        id -> StoreAnswers.found(store.get(id), "no article with id " + id);
    return List.of(
        answers.serve(Addresses.STORE_GET, get),
        answers.serve(Addresses.STORE_TIMELINE, store::timeline),
        answers.serve(Addresses.STORE_NEWER_PAGE, store::newerPage),
        answers.serve(Addresses.STORE_TOPIC_COUNTS, x -> store.topicCounts()),
        answers.serve(Addresses.STORE_REPLAY, store::storedAfter),
        answers.serve(Addresses.STORE_LAST_SEQ, x -> store.lastSeq()),
        answers.serve(Addresses.STORE_READER_PAGE, store::readerPage),
        answers.<ReaderLookup>serve(
            Addresses.STORE_READER_ITEMS,
            lookup -> new ReaderPage(store.readerItems(lookup.seqs()), 0)),
        answers.serve(Addresses.STORE_UNREAD_COUNTS, x -> store.unreadCounts()),
        answers.serve(Addresses.STORE_COUNT, x -> store.count()),
        answers.<Boolean>serve(
            Addresses.STORE_READER_SOURCES, withTopics -> store.readerSources(withTopics)));
  }

  @Override
  public Future<?> stop() {
    if (store != null) store.close();
    return Future.succeededFuture();
  }
}
