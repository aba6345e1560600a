package dev.tributary.bus;

import dev.tributary.article.Article;
import dev.tributary.article.RawDocument;
import dev.tributary.ingest.StoredTerms;
import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.DueQuery;
import dev.tributary.store.HubSubscription;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Source;
import dev.tributary.store.Sources;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.StoredSeqs;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import dev.tributary.topics.Taxonomy;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** Registers a local codec for every record Tributary sends on the event bus. */
public final class Codecs {
  private static final List<Class<?>> MESSAGE_TYPES =
      List.of(
          RawDocument.class,
          Article.class,
          StoredArticle.class,
          StoredTerms.class,
          TimelineQuery.class,
          TimelinePage.class,
          TopicCounts.class,
          ReplayQuery.class,
          ReplayBatch.class,
          TopicExamples.class,
          TopicUpdates.class,
          Taxonomy.class,
          Source.class,
          Sources.class,
          DueQuery.class,
          HubSubscription.class,
          CorpusQuery.class,
          CorpusPage.class,
          CorpusDelta.class,
          StoredSeqs.class);

  private Codecs() {}

  /** Idempotent per Vert.x instance. */
  public static synchronized void register(Vertx vertx) {
    var marker = vertx.sharedData().getLocalMap("tributary.codecs");
    if (marker.putIfAbsent("registered", true) != null) return;
    EventBus bus = vertx.eventBus();
    for (Class<?> type : MESSAGE_TYPES) register(bus, type);
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    bus.registerDefaultCodec(type, new LocalCodec<>(type));
  }
}
