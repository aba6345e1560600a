package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage of the pipeline and the one reader of the store. A worker verticle with a single
 * instance, so the blocking store is used from one thread at a time. Publishes {@link
 * Addresses#ARTICLE_STORED} for each new article once it is durable.
 */
public final class StoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);

  private final Supplier<Store> opener;
  private final TributaryMetrics metrics;

  /** Each source's status, kept here so the sources-by-status gauge never reads the store. */
  private final Map<String, String> sourceStatus = new HashMap<>();

  private Store store;

  public StoreVerticle(Supplier<Store> opener, TributaryMetrics metrics) {
    this.opener = opener;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    store = opener.get();
    for (Source s : store.sources().items()) sourceStatus.put(s.id(), s.status());
    publishSourceCounts();
    var bus = vertx.eventBus();
    return Future.all(
        List.of(
            bus.<Article>consumer(Addresses.STORE_PUT, this::onPut).completion(),
            bus.<String>consumer(Addresses.STORE_GET, this::onGet).completion(),
            bus.<TimelineQuery>consumer(Addresses.STORE_TIMELINE, m -> answer(m, store::timeline))
                .completion(),
            bus.consumer(Addresses.STORE_TOPIC_COUNTS, m -> answer(m, x -> store.topicCounts()))
                .completion(),
            bus.<ReplayQuery>consumer(Addresses.STORE_REPLAY, m -> answer(m, store::storedAfter))
                .completion(),
            bus.<TopicUpdates>consumer(
                    Addresses.STORE_REPLACE_TOPICS, m -> answer(m, store::replaceTopics))
                .completion(),
            bus.<TopicExamples>consumer(
                    Addresses.STORE_ADD_EXAMPLES, m -> answer(m, store::addExamples))
                .completion(),
            bus.consumer(Addresses.STORE_EXAMPLES, m -> answer(m, x -> store.examples()))
                .completion(),
            bus.<Source>consumer(
                    Addresses.STORE_ADD_SOURCE,
                    m ->
                        answer(
                            m,
                            s -> {
                              Source added = store.addSource(s);
                              sourceChanged(added.id(), added.status());
                              return added;
                            }))
                .completion(),
            bus.<Source>consumer(
                    Addresses.STORE_UPDATE_SOURCE,
                    m ->
                        answer(
                            m,
                            s -> {
                              store.updateSource(s);
                              sourceChanged(s.id(), s.status());
                              return true;
                            }))
                .completion(),
            bus.<String>consumer(
                    Addresses.STORE_DELETE_SOURCE,
                    m ->
                        answer(
                            m,
                            id -> {
                              boolean deleted = store.deleteSource(id);
                              if (deleted) sourceChanged(id, null);
                              return deleted;
                            }))
                .completion(),
            bus.consumer(Addresses.STORE_SOURCES, m -> answer(m, x -> store.sources()))
                .completion(),
            bus.<DueQuery>consumer(Addresses.STORE_DUE_SOURCES, m -> answer(m, store::dueSources))
                .completion(),
            bus.<String>consumer(Addresses.STORE_HUB_SUBSCRIPTION, this::onHubSubscription)
                .completion(),
            bus.<HubSubscription>consumer(
                    Addresses.STORE_SAVE_HUB_SUBSCRIPTION,
                    m -> answer(m, store::saveHubSubscription))
                .completion(),
            bus.<JsonArray>consumer(
                    Addresses.STORE_EXISTING_IDS,
                    m ->
                        answer(
                            m,
                            ids ->
                                new JsonArray(
                                    List.copyOf(
                                        store.existingIds(
                                            ids.stream().map(String::valueOf).toList())))))
                .completion(),
            bus.consumer(Addresses.STORE_PING, m -> answer(m, x -> ping())).completion()));
  }

  @Override
  public Future<?> stop() {
    if (store != null) store.close();
    return Future.succeededFuture();
  }

  private void sourceChanged(String id, String status) {
    String before = status == null ? sourceStatus.remove(id) : sourceStatus.put(id, status);
    if (!java.util.Objects.equals(before, status)) publishSourceCounts();
  }

  private void publishSourceCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String status : sourceStatus.values()) counts.merge(status, 1L, Long::sum);
    metrics.sources(counts);
  }

  private String ping() {
    store.ping();
    return "ok";
  }

  private void onPut(Message<Article> message) {
    answer(
        message,
        article -> {
          StoredArticle stored = store.put(article);
          if (stored.created()) {
            Article a = stored.article();
            LOG.info("Stored article {} from {}: {}", a.id(), a.source().id(), a.title());
            metrics.ingested(a.source().id());
            vertx.eventBus().publish(Addresses.ARTICLE_STORED, stored);
          } else {
            metrics.duplicate(article.source().id());
            LOG.info(
                "Duplicate of article {} from {}", stored.article().id(), article.source().id());
          }
          return stored;
        });
  }

  private void onGet(Message<String> message) {
    var found = metrics.timeStore(message.address(), () -> store.get(message.body()));
    if (found.isPresent()) message.reply(found.get());
    else message.fail(Failures.NOT_FOUND, "no article with id " + message.body());
  }

  private void onHubSubscription(Message<String> message) {
    try {
      var found = metrics.timeStore(message.address(), () -> store.hubSubscription(message.body()));
      if (found.isPresent()) message.reply(found.get());
      else message.fail(Failures.NOT_FOUND, "no hub subscription for " + message.body());
    } catch (StoreException e) {
      LOG.error("Store failure", e);
      message.fail(Failures.INTERNAL, e.getMessage());
    }
  }

  /** Runs one store call for a message, timed by its address, and replies or fails. */
  private <T, R> void answer(Message<T> message, Function<T, R> work) {
    try {
      message.reply(metrics.timeStore(message.address(), () -> work.apply(message.body())));
    } catch (StoreException e) {
      LOG.error("Store failure", e);
      message.fail(Failures.INTERNAL, e.getMessage());
    }
  }
}
