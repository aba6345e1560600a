package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGates;
import dev.tributary.metrics.TributaryMetrics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second stage of the pipeline: tags an article with its topics and keyphrases and hands it to the
 * store. Owns the live topic model: loads the taught examples and the corpus statistics from the
 * store, reloads the taxonomy file when it changes ({@link TaxonomyWatcher}), learns new examples
 * and re-tags stored articles ({@link Retagging}). Runs on a worker, one instance; explanations run
 * elsewhere ({@link ExplainVerticle}, deployed with it) so they never hold up the pipeline.
 */
public final class TaggerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TaggerVerticle.class);

  private final Taxonomy initial;
  private final Path topicsFile;
  private final TributaryMetrics metrics;
  private final IngestGates gates;
  private TopicModel model;
  private CorpusKeeper keeper;
  private Future<Integer> corpusLoad;

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
    keeper = new CorpusKeeper(vertx, model);
    // The load's bound is read before this verticle takes any article: the load counts the stored
    // articles above the stored watermark up to it; onArticle counts those above. Each is counted
    // once (the model's ledger knows which are).
    long[] lastSeq = new long[1];
    return bus.<Long>request(Addresses.STORE_LAST_SEQ, null)
        .compose(
            last -> {
              lastSeq[0] = last.body();
              return bus.<TopicExamples>request(Addresses.STORE_EXAMPLES, null);
            })
        .map(reply -> ExampleTeacher.teach(model, reply.body().items()))
        .compose(
            taught -> {
              if (taught > 0) LOG.info("Topic model learnt from {} stored examples", taught);
              corpusLoad = new CorpusLoad(vertx, model, keeper, lastSeq[0]).start();
              corpusLoad.onComplete(r -> keeper.start());
              new TaxonomyWatcher(vertx, topicsFile, model).start();
              ExampleTeacher teacher = new ExampleTeacher(vertx, model);
              Retagging retagging = new Retagging(vertx, model);
              return Future.all(
                  bus.<Article>consumer(Addresses.TAG, this::onArticle).completion(),
                  bus.consumer(Addresses.TOPICS_ADD_EXAMPLES, teacher::onAddExamples).completion(),
                  bus.consumer(Addresses.TOPICS_RETAG, retagging::onRetag).completion(),
                  vertx.deployVerticle(
                      new ExplainVerticle(model::tagger), ExplainVerticle.deployment()));
            });
  }

  @Override
  public Future<?> stop() {
    return keeper == null ? Future.succeededFuture() : keeper.stop();
  }

  /** The live model, for tests. */
  TopicModel model() {
    return model;
  }

  /** Completes with the number of stored articles the start-up load counted (tests, bench). */
  Future<Integer> corpusLoad() {
    return corpusLoad;
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
              StoredArticle stored = reply.body();
              if (stored.created()) model.countStored(stored.seq(), tagging.terms());
              message.reply(stored);
            })
        .onFailure(failure -> Failures.relay(message, failure));
  }
}
