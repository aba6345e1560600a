package dev.tributary.ingest;

import dev.tributary.bus.Addresses;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.StoredSeqs;
import dev.tributary.topics.CorpusLedger;
import dev.tributary.topics.TopicModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stored corpus statistics up to date: every {@link #PERIOD_MS} it saves the counts of
 * the articles the pipeline counted ({@link TopicModel#countStored}) with the new watermark, in one
 * transaction ({@link Addresses#STORE_CORPUS_SAVE}). Articles the pipeline did not count — stored
 * while too many waited, by another process, or whose store reply never came — are read back from
 * the store and counted ({@link #fill}) when they hold the watermark back. Runs on the tagger's
 * context, one step at a time.
 */
final class CorpusKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusKeeper.class);

  /** Articles read back from the store at a time. */
  static final int BATCH = StoredCorpus.BATCH;

  /** Longer periods coalesce more: the same stems of many articles are one row write. */
  static final long PERIOD_MS = 1000;

  private final Vertx vertx;
  private final TopicModel model;
  private final CorpusLedger ledger;
  private long timer = -1;
  private boolean stopped;

  /** The save under way; one at a time. */
  private Future<Void> saving;

  private long readBack;

  /** The first uncounted article at the last save: still there at the next, it is read back. */
  private long lastBlocker = -1;

  CorpusKeeper(Vertx vertx, TopicModel model) {
    this.vertx = vertx;
    this.model = model;
    this.ledger = model.ledger();
  }

  /** Starts the periodic saves. */
  void start() {
    if (stopped) return;
    timer = vertx.setPeriodic(PERIOD_MS, id -> tick());
  }

  /**
   * Stops the periodic saves and saves what is counted, once the save under way is done; never
   * fails (what is not saved is counted again from the store at the next start).
   */
  Future<Void> stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    Future<Void> before = saving == null ? Future.succeededFuture() : saving;
    return before
        .otherwiseEmpty()
        .compose(x -> saveCounted(false))
        .onFailure(
            e ->
                LOG.info(
                    "Corpus statistics not saved at stop ({}): counted from the store at the next start",
                    e.getMessage()))
        .otherwiseEmpty();
  }

  private void tick() {
    if (saving != null) return;
    saving =
        saveCounted(true)
            .onFailure(e -> LOG.warn("Cannot save corpus statistics: {}", e.getMessage()))
            .onComplete(r -> saving = null);
  }

  /**
   * Saves what the pipeline counted, up to the first stored article it did not; with {@code
   * mayReadBack}, reads that one and those after it back from the store when it held the watermark
   * back last time too, or when the ledger is full.
   */
  Future<Void> saveCounted(boolean mayReadBack) {
    long from = ledger.countedThrough();
    int limit = ledger.maxPending() + BATCH;
    return vertx
        .eventBus()
        .<StoredSeqs>request(Addresses.STORE_CORPUS_SEQS, new ReplayQuery(from, List.of(), limit))
        .compose(
            reply -> {
              List<Long> seqs = reply.body().seqs();
              long blocker = ledger.firstUncounted(seqs);
              boolean stale = blocker >= 0 && blocker == lastBlocker;
              lastBlocker = blocker;
              Future<Void> saved = save(ledger.countedPrefix(seqs));
              boolean readBack = stale || ledger.pending() >= ledger.maxPending();
              if (!mayReadBack || !readBack) return saved;
              return saved.compose(x -> fill()).mapEmpty();
            });
  }

  /**
   * Reads the next {@link #BATCH} stored articles above the watermark, counts those not counted
   * yet, and saves; completes with the last sequence number read, -1 when there was none.
   */
  Future<Long> fill() {
    long from = ledger.countedThrough();
    return vertx
        .eventBus()
        .<ReplayBatch>request(Addresses.STORE_REPLAY, new ReplayQuery(from, List.of(), BATCH))
        .compose(
            reply -> {
              List<StoredArticle> items = reply.body().items();
              if (items.isEmpty()) return Future.succeededFuture(-1L);
              readBack += StoredCorpus.countFromStore(model, items);
              long last = items.get(items.size() - 1).seq();
              return save(ledger.countedPrefix(items.stream().map(StoredArticle::seq).toList()))
                  .map(last);
            });
  }

  /** How many articles were counted from the store rather than as the pipeline stored them. */
  long readBack() {
    return readBack;
  }

  private Future<Void> save(CorpusLedger.Prefix prefix) {
    if (prefix == null) return Future.succeededFuture();
    return vertx
        .eventBus()
        .request(Addresses.STORE_CORPUS_SAVE, StoredCorpus.delta(prefix))
        .map(
            reply -> {
              ledger.saved(prefix);
              return null;
            });
  }
}
