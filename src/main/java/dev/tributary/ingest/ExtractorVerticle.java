package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.ArticleExtractor;
import dev.tributary.extract.ExtractionException;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

/**
 * First stage of the pipeline: turns a {@link RawDocument} into an untagged article and hands it to
 * the tagger, replying with whatever the later stages reply. Runs on a worker: extraction parses
 * whole documents.
 */
public final class ExtractorVerticle extends VerticleBase {
  private final ArticleExtractor extractor = new ArticleExtractor();
  private final ArticleAssembler assembler = new ArticleAssembler(java.time.Clock.systemUTC());
  private final TributaryMetrics metrics;
  private final IngestGates gates;

  public ExtractorVerticle(TributaryMetrics metrics, IngestGates gates) {
    this.metrics = metrics;
    this.gates = gates;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<RawDocument>consumer(Addresses.INGEST, this::onDocument).completion();
  }

  private void onDocument(Message<RawDocument> message) {
    RawDocument doc = message.body();
    Article draft;
    try {
      draft = assembler.assemble(doc, extractor.extract(doc.format(), doc.body(), doc.titleHint()));
    } catch (ExtractionException e) {
      metrics.failure("extraction");
      message.fail(Failures.BAD_INPUT, e.getMessage());
      return;
    } catch (RuntimeException e) {
      metrics.failure("extraction_error");
      message.fail(Failures.INTERNAL, "extraction failed: " + e);
      return;
    }
    vertx
        .eventBus()
        .<StoredArticle>request(Addresses.TAG, draft, gates.pipelineRequests())
        .onSuccess(reply -> message.reply(reply.body()))
        .onFailure(
            failure -> {
              if (Failures.codeOf(failure) != Failures.INTERNAL || !isTaggingFailure(failure)) {
                metrics.failure(reasonOf(failure));
              }
              Failures.relay(message, failure);
            });
  }

  /** Tagging failures are counted by the tagger itself. */
  private static boolean isTaggingFailure(Throwable failure) {
    return String.valueOf(failure.getMessage()).startsWith("tagging failed");
  }

  private static String reasonOf(Throwable failure) {
    if (failure instanceof io.vertx.core.eventbus.ReplyException re
        && re.failureType() == io.vertx.core.eventbus.ReplyFailure.TIMEOUT) return "timeout";
    int code = Failures.codeOf(failure);
    return code >= 400 && code < 500 ? "rejected" : "store";
  }
}
