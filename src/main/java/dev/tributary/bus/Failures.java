package dev.tributary.bus;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * Failure codes carried by event-bus replies. They follow HTTP status codes so that the HTTP layer
 * can answer with them directly.
 */
public final class Failures {
  private Failures() {}

  public static final int BAD_INPUT = 422;
  public static final int TOO_LARGE = 413;
  public static final int NOT_FOUND = 404;
  public static final int INTERNAL = 500;

  /**
   * The pipeline is full for this input, or the store's disk is full: try again later (HTTP answers
   * it with Retry-After and the message).
   */
  public static final int SATURATED = 503;

  /** The code a failed request carries: its own for a {@link ReplyException} with a code ≥ 0. */
  public static int codeOf(Throwable failure) {
    if (failure instanceof ReplyException re && re.failureCode() > 0) return re.failureCode();
    return INTERNAL;
  }

  /** Fails the message with the code and message of the downstream failure it relays. */
  public static void relay(Message<?> message, Throwable failure) {
    message.fail(codeOf(failure), String.valueOf(failure.getMessage()));
  }
}
