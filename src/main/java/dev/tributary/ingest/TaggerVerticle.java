package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGates;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicExamples;
import dev.tributary.topics.Keyphrases;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TopicModel;
import dev.tributary.topics.TopicTagger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second stage of the pipeline: tags an article with its topics and keyphrases and hands it to the
 * store. Owns the live topic model: loads the taught examples and the corpus statistics from the
 * store, reloads the taxonomy file when it changes ({@link TaxonomyWatcher}), learns new examples
 * and re-tags stored articles ({@link Retagging}). Runs on a worker, one instance.
 */
public final class TaggerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TaggerVerticle.class);
  static final int CORPUS_BATCH = 500;

  private final Taxonomy initial;
  private final Path topicsFile;
  private final TributaryMetrics metrics;
  private final IngestGates gates;
  private TopicModel model;

  public TaggerVerticle(
      Taxonomy initial, Path topicsFile, TributaryMetrics metrics, IngestGates gates) {
    this.initial = initial;
    this.topicsFile = topicsFile;
    this.metrics = metrics;
    this.gates = gates;
  }

  @Override
  public Future<?> start() {
    model = new TopicModel(initial);
    var bus = vertx.eventBus();
    return bus.<TopicExamples>request(Addresses.STORE_EXAMPLES, null)
        .map(reply -> ExampleTeacher.teach(model, reply.body().items()))
        .compose(
            taught -> {
              if (taught > 0) LOG.info("Topic model learnt from {} stored examples", taught);
              loadCorpus(-1);
              new TaxonomyWatcher(vertx, topicsFile, model).start();
              ExampleTeacher teacher = new ExampleTeacher(vertx, model);
              Retagging retagging = new Retagging(vertx, model);
              return Future.all(
                  bus.<Article>consumer(Addresses.TAG, this::onArticle).completion(),
                  bus.consumer(Addresses.TOPICS_ADD_EXAMPLES, teacher::onAddExamples).completion(),
                  bus.consumer(Addresses.TOPICS_RETAG, retagging::onRetag).completion(),
                  bus.<Article>consumer(Addresses.TOPICS_EXPLAIN, this::onExplain).completion());
            });
  }

  /** Document frequencies from every stored article, in the background, batch by batch. */
  private void loadCorpus(long afterSeq) {
    vertx
        .eventBus()
        .<ReplayBatch>request(
            Addresses.STORE_REPLAY, new ReplayQuery(afterSeq, List.of(), CORPUS_BATCH))
        .onSuccess(
            reply -> {
              List<StoredArticle> items = reply.body().items();
              TopicTagger tagger = model.tagger();
              for (StoredArticle s : items) {
                model.corpus().add(tagger.terms(s.article().title(), s.article().text()));
              }
              if (items.size() == CORPUS_BATCH) loadCorpus(items.get(items.size() - 1).seq());
              else
                LOG.info("Corpus statistics over {} stored articles", model.corpus().documents());
            })
        .onFailure(e -> LOG.warn("Cannot load corpus statistics: {}", e.getMessage()));
  }

  private void onArticle(Message<Article> message) {
    Article draft = message.body();
    TopicTagger.Tagging tagging;
    try {
      tagging =
          metrics
              .tagging()
              .record(
                  () ->
                      model.tagger().tagging(draft.title(), draft.text(), Keyphrases.PER_ARTICLE));
    } catch (RuntimeException e) {
      metrics.failure("tagging");
      message.fail(Failures.INTERNAL, "tagging failed: " + e);
      return;
    }
    Article tagged =
        draft
            .withTopics(tagging.topics())
            .withTags(Keyphrases.mergeInto(draft.tags(), tagging.keyphrases()));
    vertx
        .eventBus()
        .<StoredArticle>request(Addresses.STORE_PUT, tagged, gates.pipelineRequests())
        .onSuccess(
            reply -> {
              if (reply.body().created()) model.corpus().add(tagging.terms());
              message.reply(reply.body());
            })
        .onFailure(failure -> Failures.relay(message, failure));
  }

  private void onExplain(Message<Article> message) {
    Article a = message.body();
    message.reply(ExplanationJson.of(model.tagger().explain(a.title(), a.text())));
  }
}
