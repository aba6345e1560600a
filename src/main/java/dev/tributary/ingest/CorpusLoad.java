package dev.tributary.ingest;

import dev.tributary.bus.Addresses;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.topics.TopicModel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the corpus statistics kept in the store at start-up — the document frequencies a page of
 * {@link StoredCorpus#PAGE} stems at a time, and the watermark — then counts the stored articles
 * above the watermark up to the load's bound (those stored before a crash or by another process),
 * then has the model rebuilt with them. Articles stored meanwhile are counted by the pipeline, each
 * once.
 */
final class CorpusLoad {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusLoad.class);

  private final Vertx vertx;
  private final TopicModel model;
  private final CorpusKeeper keeper;
  private final long lastSeq;
  private final Promise<Integer> done = Promise.promise();
  private int stems;

  /** {@code lastSeq}: the newest article stored before the tagger took any. */
  CorpusLoad(Vertx vertx, TopicModel model, CorpusKeeper keeper, long lastSeq) {
    this.vertx = vertx;
    this.model = model;
    this.keeper = keeper;
    this.lastSeq = lastSeq;
  }

  /**
   * Starts the load; completes with the number of stored articles counted (those above the
   * watermark), once the model is rebuilt.
   */
  Future<Integer> start() {
    readPage(new CorpusQuery(CorpusQuery.FIRST, StoredCorpus.PAGE));
    return done.future();
  }

  private void readPage(CorpusQuery query) {
    vertx
        .eventBus()
        .<CorpusPage>request(Addresses.STORE_CORPUS_TERMS, query)
        .onSuccess(
            reply -> {
              stems += reply.body().size();
              CorpusQuery next = StoredCorpus.addPage(model, query, reply.body());
              if (next != null) readPage(next);
              else countAboveWatermark();
            })
        .onFailure(e -> failed(e));
  }

  private void countAboveWatermark() {
    keeper
        .fill()
        .onSuccess(
            last -> {
              if (last >= 0 && last < lastSeq) countAboveWatermark();
              else finish();
            })
        .onFailure(e -> failed(e));
  }

  private void failed(Throwable e) {
    LOG.warn("Cannot load corpus statistics: {}", e.getMessage());
    finish();
  }

  private void finish() {
    int counted = (int) keeper.readBack();
    model.corpusLoaded();
    LOG.info(
        "Corpus statistics: {} articles, {} stems read, {} counted above the watermark",
        model.corpus().documents(),
        stems,
        counted);
    done.complete(counted);
  }
}
