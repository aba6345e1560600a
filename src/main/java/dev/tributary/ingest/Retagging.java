package dev.tributary.ingest;

import dev.tributary.article.ArticleTopic;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicUpdates;
import dev.tributary.topics.TopicModel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags every stored article with the current model (one snapshot for the whole run, through the
 * {@link ArticlePipeline}'s tagging stage), a batch at a time, writing back the topics of each
 * batch in one transaction, then publishes {@link Addresses#ARTICLES_RETAGGED} so feeds and counts
 * follow. Free tags are left as they were at ingest.
 */
final class Retagging {
  private static final Logger LOG = LoggerFactory.getLogger(Retagging.class);
  static final int BATCH = 200;

  private final Vertx vertx;
  private final TopicModel model;
  private boolean running;

  Retagging(Vertx vertx, TopicModel model) {
    this.vertx = vertx;
    this.model = model;
  }

  void onRetag(Message<Object> message) {
    if (running) {
      message.fail(409, "a re-tag is already running");
      return;
    }
    running = true;
    Promise<int[]> done = Promise.promise();
    batch(-1, new int[2], ArticlePipeline.over(model.tagger()), done);
    done.future()
        .onComplete(
            r -> {
              running = false;
              if (r.failed()) {
                Failures.relay(message, r.cause());
                return;
              }
              int[] counts = r.result();
              LOG.info("Re-tagged {} articles, {} changed", counts[0], counts[1]);
              vertx.eventBus().publish(Addresses.ARTICLES_RETAGGED, counts[1]);
              message.reply(new JsonObject().put("articles", counts[0]).put("changed", counts[1]));
            });
  }

  /** counts[0]: articles seen; counts[1]: articles whose topics changed. */
  private void batch(long afterSeq, int[] counts, ArticlePipeline pipeline, Promise<int[]> done) {
    vertx
        .eventBus()
        .<ReplayBatch>request(Addresses.STORE_REPLAY, new ReplayQuery(afterSeq, List.of(), BATCH))
        .compose(
            reply -> {
              List<StoredArticle> items = reply.body().items();
              Map<String, List<ArticleTopic>> updates = new HashMap<>();
              for (StoredArticle s : items) {
                updates.put(s.article().id(), pipeline.topicsOf(s.article()));
              }
              counts[0] += items.size();
              Future<Integer> written =
                  items.isEmpty()
                      ? Future.succeededFuture(0)
                      : vertx
                          .eventBus()
                          .<Integer>request(
                              Addresses.STORE_REPLACE_TOPICS, new TopicUpdates(updates))
                          .map(m -> m.body());
              return written.map(
                  changed -> {
                    counts[1] += changed;
                    if (!items.isEmpty()) LOG.info("Re-tagged {} articles so far", counts[0]);
                    return items.size() == BATCH ? items.get(items.size() - 1).seq() : -2L;
                  });
            })
        .onSuccess(
            next -> {
              if (next == -2L) done.complete(counts);
              else batch(next, counts, pipeline, done);
            })
        .onFailure(done::fail);
  }
}
