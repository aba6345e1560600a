package dev.tributary.ingest;

import dev.tributary.bus.Addresses;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.TopicModel;
import dev.tributary.topics.TopicTagger;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the articles stored before start-up into the model's corpus statistics, batch by batch in
 * the background on the tagger's thread, then has the model rebuilt with them. Only articles up to
 * the model's load bound are counted here; later ones are counted as the pipeline stores them.
 */
final class CorpusLoad {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusLoad.class);
  static final int BATCH = 500;

  private final Vertx vertx;
  private final TopicModel model;
  private final Promise<Integer> done = Promise.promise();

  CorpusLoad(Vertx vertx, TopicModel model) {
    this.vertx = vertx;
    this.model = model;
  }

  /** Starts the load; completes with the number of articles counted, once the model is rebuilt. */
  Future<Integer> start() {
    next(-1, 0);
    return done.future();
  }

  private void next(long afterSeq, int counted) {
    vertx
        .eventBus()
        .<ReplayBatch>request(Addresses.STORE_REPLAY, new ReplayQuery(afterSeq, List.of(), BATCH))
        .onSuccess(reply -> count(reply.body().items(), counted))
        .onFailure(
            e -> {
              LOG.warn("Cannot load corpus statistics: {}", e.getMessage());
              finish(counted);
            });
  }

  private void count(List<StoredArticle> items, int countedBefore) {
    TopicTagger tagger = model.tagger();
    int counted = countedBefore;
    boolean more = items.size() == BATCH;
    for (StoredArticle s : items) {
      if (model.countLoaded(s.seq(), tagger.terms(s.article().title(), s.article().text()))) {
        counted++;
      } else {
        more = false; // past the bound: the pipeline counted this one and those after it
        break;
      }
    }
    if (more) next(items.get(items.size() - 1).seq(), counted);
    else finish(counted);
  }

  private void finish(int counted) {
    model.corpusLoaded();
    LOG.info(
        "Corpus statistics over {} stored articles ({} in all)",
        counted,
        model.corpus().documents());
    done.complete(counted);
  }
}
