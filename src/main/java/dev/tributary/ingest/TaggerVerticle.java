package dev.tributary.ingest;

import dev.tributary.bus.Addresses;
import dev.tributary.store.TopicExamples;
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
 * Owns the live topic model: loads the taught examples and the corpus statistics from the store,
 * counts each newly stored article's words ({@link Addresses#TOPICS_COUNT_STORED}, from the
 * pipeline workers), reloads the taxonomy file when it changes ({@link TaxonomyWatcher}), learns
 * new examples and re-tags stored articles ({@link Retagging}). Runs on a worker, one instance. The
 * articles themselves are tagged by the pipeline workers ({@link PipelineVerticle}) over the
 * model's current immutable tagger ({@link #tagger()}), and explanations on their own pool ({@link
 * ExplainVerticle}, deployed with it), so neither waits for this thread.
 */
public final class TaggerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TaggerVerticle.class);

  private final Taxonomy initial;
  private final Path topicsFile;
  private volatile TopicModel model;
  private CorpusKeeper keeper;
  private Future<Integer> corpusLoad;

  public TaggerVerticle(Taxonomy initial, Path topicsFile) {
    this.initial = initial;
    this.topicsFile = topicsFile;
  }

  @Override
  public Future<?> start() {
    model = new TopicModel(initial);
    var bus = vertx.eventBus();
    keeper = new CorpusKeeper(vertx, model);
    // The load's bound is read before this verticle takes any article: the load counts the stored
    // articles above the stored watermark up to it; onStored counts those above. Each is counted
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
              // Started (and so /health/ready, deployed after) once the corpus statistics are
              // loaded: the first article after a restart is tagged as well as the last before it
              return Future.all(
                  bus.<StoredTerms>localConsumer(Addresses.TOPICS_COUNT_STORED, this::onStored)
                      .completion(),
                  bus.localConsumer(Addresses.TOPICS_ADD_EXAMPLES, teacher::onAddExamples)
                      .completion(),
                  bus.localConsumer(Addresses.TOPICS_RETAG, retagging::onRetag).completion(),
                  vertx.deployVerticle(
                      new ExplainVerticle(model::tagger), ExplainVerticle.deployment()),
                  corpusLoad.recover(e -> Future.succeededFuture()));
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

  /**
   * The current tagger: an immutable snapshot, safe to use from any thread, replaced when the
   * taxonomy is reloaded or an example taught. Null before the verticle has started.
   */
  public TopicTagger tagger() {
    TopicModel current = model;
    return current == null ? null : current.tagger();
  }

  /** Counts a newly stored article's words: the one place the live corpus statistics grow. */
  private void onStored(Message<StoredTerms> message) {
    model.countStored(message.body().seq(), message.body().terms());
    message.reply(true);
  }
}
