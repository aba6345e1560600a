package dev.tributary.store;

import dev.tributary.bus.Failures;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store's verticles answer requests: each message exactly once, with the result, or at once
 * with a failure code — 503 when the disk is full ({@link StoreFullException}), 500 for anything
 * else, whatever was thrown — so no request is left to run into its timeout.
 */
final class StoreAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(StoreAnswers.class);

  private final Vertx vertx;
  private final TributaryMetrics metrics;
  private final Consumer<StoreFullException> onFull;

  /**
   * @param onFull told of each failure that found the disk full, before the requests are failed
   */
  StoreAnswers(Vertx vertx, TributaryMetrics metrics, Consumer<StoreFullException> onFull) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.onFull = onFull;
  }

  /** Answers the address with the work's result; completes once the consumer is registered. */
  <T> Future<Void> serve(String address, Function<T, ?> work) {
    return vertx.eventBus().<T>localConsumer(address, m -> answer(m, work)).completion();
  }

  /** Runs one store call for a message, timed by its address, and replies or fails it. */
  <T> void answer(Message<T> message, Function<T, ?> work) {
    Object result;
    try {
      result = metrics.timeStore(message.address(), () -> work.apply(message.body()));
    } catch (Throwable e) { // even an Error: the message must still be answered
      failAll(message.address(), List.of(message), e);
      return;
    }
    if (result instanceof NotFound nf) message.fail(Failures.NOT_FOUND, nf.message());
    else message.reply(result);
  }

  /**
   * Fails every message with the code for what was thrown, logging it once; rethrows a {@link
   * VirtualMachineError} after the messages are answered.
   */
  void failAll(String address, List<? extends Message<?>> messages, Throwable e) {
    int code = Failures.INTERNAL;
    String text = e.getMessage();
    if (e instanceof StoreFullException full) {
      onFull.accept(full);
      code = Failures.SATURATED;
    } else if (e instanceof StoreException) {
      LOG.error("Store failure on {} ({} request(s))", address, messages.size(), e);
    } else {
      LOG.error("Unexpected failure on {} ({} request(s))", address, messages.size(), e);
      text = "store failed: " + e;
    }
    for (Message<?> m : messages) m.fail(code, text);
    if (e instanceof VirtualMachineError fatal) throw fatal;
  }

  /** A lookup's answer: the value, or a 404 with this message. */
  record NotFound(String message) {}

  static Object found(Optional<?> value, String notFound) {
    return value.isPresent() ? value.get() : new NotFound(notFound);
  }
}
