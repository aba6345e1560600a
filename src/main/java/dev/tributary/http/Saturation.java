package dev.tributary.http;

import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGate;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a write refused because its input's gate is full: {@code 503} with {@code
 * Retry-After} and the usual JSON error, so a client backs off instead of the server queueing
 * without bound.
 */
final class Saturation {
  /**
   * Seconds a client is asked to wait: about the time the pipeline takes to pass a few dozen
   * documents, short enough that a retrying client is not starved.
   */
  static final int RETRY_AFTER_SECONDS = 2;

  private Saturation() {}

  /** Answers 503 when the failure is a full gate; false (nothing sent) for any other failure. */
  static boolean answered(RoutingContext ctx, Throwable failure) {
    if (!(failure instanceof IngestGate.Saturated)) return false;
    ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    Errors.send(ctx, Failures.SATURATED, failure.getMessage());
    return true;
  }
}
