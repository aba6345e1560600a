package dev.tributary.ingest;

import dev.tributary.article.RawDocument;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.ExtractionException;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoreVerticle;
import dev.tributary.store.StoredArticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline worker: takes a {@link RawDocument} from {@link Addresses#PIPELINE}, runs the CPU
 * stages of the {@link ArticlePipeline} (extract, assemble, tag, keyphrases), hands the article to
 * the store and replies with the store's answer. When the store says the article is new, its words
 * are sent to the tagger to be counted ({@link Addresses#TOPICS_COUNT_STORED}) before the reply, so
 * the topic model keeps one owner.
 *
 * <p>Deployed as {@code pipeline.workers} worker instances ({@link #deploy}), each its own consumer
 * of the address: Vert.x hands the documents round-robin to them, so that many documents are
 * extracted and tagged at once, each over the tagger's current immutable snapshot.
 */
public final class PipelineVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineVerticle.class);

  private final ArticlePipeline pipeline;
  private final TributaryMetrics metrics;
  private final IngestGates gates;

  public PipelineVerticle(ArticlePipeline pipeline, TributaryMetrics metrics, IngestGates gates) {
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.gates = gates;
  }

  /** The worker pool of the pipeline's instances, as many threads as instances. */
  static final String POOL = "tributary-pipeline";

  /**
   * Deploys {@code workers} worker instances sharing the one (thread-safe) pipeline, on a pool of
   * their own, so that file reads and parses elsewhere never take their threads.
   */
  public static Future<String> deploy(
      Vertx vertx,
      int workers,
      ArticlePipeline pipeline,
      TributaryMetrics metrics,
      IngestGates gates) {
    return vertx.deployVerticle(
        () -> new PipelineVerticle(pipeline, metrics, gates),
        new DeploymentOptions()
            .setThreadingModel(ThreadingModel.WORKER)
            .setInstances(workers)
            .setWorkerPoolName(POOL)
            .setWorkerPoolSize(workers));
  }

  @Override
  public Future<?> start() {
    return vertx
        .eventBus()
        .<RawDocument>localConsumer(Addresses.PIPELINE, this::onDocument)
        .completion();
  }

  private void onDocument(Message<RawDocument> message) {
    Thread self = Thread.currentThread();
    if (self.getPriority() != StoreVerticle.BELOW_THE_WRITER) {
      self.setPriority(StoreVerticle.BELOW_THE_WRITER);
    }
    ArticlePipeline.Tagged tagged;
    try {
      tagged = pipeline.process(message.body());
    } catch (ExtractionException e) {
      metrics.failure("extraction");
      message.fail(Failures.BAD_INPUT, e.getMessage());
      return;
    } catch (ArticlePipeline.StageFailure e) {
      metrics.failure(e.stage().equals("tagging") ? "tagging" : "extraction_error");
      message.fail(Failures.INTERNAL, e.getMessage());
      return;
    }
    metrics.tagging().record(tagged.tagging());
    vertx
        .eventBus()
        .<StoredArticle>request(Addresses.STORE_PUT, tagged.toStore(), gates.pipelineRequests())
        .map(reply -> reply.body())
        .compose(
            stored -> stored.created() ? counted(stored, tagged) : Future.succeededFuture(stored))
        .onSuccess(message::reply)
        .onFailure(
            failure -> {
              metrics.failure(reasonOf(failure));
              Failures.relay(message, failure);
            });
  }

  /**
   * The stored article, once the tagger has counted its words. The article is stored either way: a
   * count that fails costs the statistics one document, not the caller its answer.
   */
  private Future<StoredArticle> counted(StoredArticle stored, ArticlePipeline.Tagged tagged) {
    return vertx
        .eventBus()
        .request(
            Addresses.TOPICS_COUNT_STORED,
            new StoredTerms(stored.seq(), tagged.terms()),
            gates.pipelineRequests())
        .transform(
            counted -> {
              if (counted.failed()) {
                LOG.warn(
                    "Article {} stored, but its words were not counted: {}",
                    stored.article().id(),
                    counted.cause().getMessage());
              }
              return Future.succeededFuture(stored);
            });
  }

  private static String reasonOf(Throwable failure) {
    if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
      return "timeout";
    }
    int code = Failures.codeOf(failure);
    return code >= 400 && code < 500 ? "rejected" : "store";
  }
}
