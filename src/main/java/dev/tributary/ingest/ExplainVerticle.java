package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGate;
import dev.tributary.topics.TopicTagger;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import java.util.function.Supplier;

/**
 * Answers {@link Addresses#TOPICS_EXPLAIN} ({@code GET /api/articles/{id}?explain=true}, open to
 * anyone) without touching the pipeline: the analysis runs on its own small worker pool, over the
 * tagger's current immutable snapshot, never on the tagger verticle's thread. At most {@link
 * #THREADS} run at once and {@link #QUEUE} wait; beyond that a request fails at once with 503, and
 * an article longer than {@link #MAX_CHARS} with 413.
 */
final class ExplainVerticle extends VerticleBase {
  static final String POOL = "tributary-explain";
  static final int THREADS = 2;
  static final int QUEUE = 8;

  /** Title and text together; a long read is ~60,000 characters, a book chapter ~100,000. */
  static final int MAX_CHARS = 200_000;

  private final Supplier<TopicTagger> tagger;
  private final IngestGate gate = new IngestGate("explain", THREADS, QUEUE);

  ExplainVerticle(Supplier<TopicTagger> tagger) {
    this.tagger = tagger;
  }

  /** An event-loop verticle whose blocking work runs on the {@link #POOL} threads. */
  static DeploymentOptions deployment() {
    return new DeploymentOptions().setWorkerPoolName(POOL).setWorkerPoolSize(THREADS);
  }

  @Override
  public Future<?> start() {
    return vertx
        .eventBus()
        .<Article>localConsumer(Addresses.TOPICS_EXPLAIN, this::onExplain)
        .completion();
  }

  private static int lengthOf(String s) {
    return s == null ? 0 : s.length();
  }

  private void onExplain(Message<Article> message) {
    Article a = message.body();
    long length = (long) lengthOf(a.title()) + lengthOf(a.text());
    if (length > MAX_CHARS) {
      message.fail(
          Failures.TOO_LARGE,
          "this article is "
              + length
              + " characters long; explanations cover articles of up to "
              + MAX_CHARS);
      return;
    }
    TopicTagger snapshot = tagger.get();
    gate.<JsonArray>submit(
            () ->
                vertx.executeBlocking(
                    () -> ExplanationJson.of(snapshot.explain(a.title(), a.text())), false))
        .onSuccess(message::reply)
        .onFailure(
            e -> {
              if (e instanceof IngestGate.Saturated) {
                message.fail(
                    Failures.SATURATED,
                    "too many explanations at once ("
                        + THREADS
                        + " running, "
                        + QUEUE
                        + " waiting); try again later");
              } else {
                message.fail(Failures.INTERNAL, "explaining failed: " + e);
              }
            });
  }
}
