package dev.tributary.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Admission to the pipeline for one input (inbox, polling, API posts, WebSub pushes): at most
 * {@code permits} requests in flight, at most {@code maxWaiting} more waiting their turn in arrival
 * order, and past that an immediate {@link Saturated} failure instead of a queue that grows without
 * bound.
 *
 * <p>Because every input goes through a gate, the work queued inside the pipeline is never more
 * than the sum of the gates' permits. A request's bus timeout therefore only has to cover that
 * bounded queue; the time spent waiting here, before the request is sent, is not on its clock.
 *
 * <p>Thread-safe: HTTP verticle instances on several event loops share one gate. Queued work starts
 * on the context that submitted it, so its callbacks run where the caller expects them.
 */
public final class IngestGate {
  private final String input;
  private final int permits;
  private final int maxWaiting;
  private final Queue<Waiter<?>> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param input the input's name, for messages and metrics ({@code inbox}, {@code api}, …)
   * @param permits how many requests may be in the pipeline at once (≥ 1)
   * @param maxWaiting how many more may wait their turn (≥ 0)
   */
  public IngestGate(String input, int permits, int maxWaiting) {
    if (permits < 1) throw new IllegalArgumentException("permits must be at least 1");
    if (maxWaiting < 0) throw new IllegalArgumentException("maxWaiting must not be negative");
    this.input = input;
    this.permits = permits;
    this.maxWaiting = maxWaiting;
  }

  /** Thrown (as a failed future) when the gate has no permit and its queue is full. */
  public static final class Saturated extends RuntimeException {
    private Saturated(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Runs the work once a permit is free — at once if one is — and completes with its outcome. The
   * permit is held until the work's future completes. Fails with {@link Saturated}, without running
   * the work, when the queue is full.
   */
  public <T> Future<T> submit(Supplier<Future<T>> work) {
    Context context = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    synchronized (this) {
      if (inFlight < permits) {
        inFlight++;
      } else if (waiting.size() < maxWaiting) {
        waiting.add(new Waiter<>(context, work, promise));
        return promise.future();
      } else {
        return Future.failedFuture(
            new Saturated(
                input
                    + " ingest is saturated ("
                    + permits
                    + " in flight, "
                    + maxWaiting
                    + " waiting); try again later"));
      }
    }
    run(work, promise);
    return promise.future();
  }

  /** Whether a new submission would be refused right now. */
  public synchronized boolean saturated() {
    return inFlight >= permits && waiting.size() >= maxWaiting;
  }

  /** Requests holding a permit. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Requests waiting for a permit. */
  public synchronized int waiting() {
    return waiting.size();
  }

  public String input() {
    return input;
  }

  /** The most requests this gate lets into the pipeline at once. */
  public int permits() {
    return permits;
  }

  private <T> void run(Supplier<Future<T>> work, Promise<T> promise) {
    Future<T> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    started.onComplete(
        outcome -> {
          release();
          promise.handle(outcome);
        });
  }

  private void release() {
    Waiter<?> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inFlight--;
        return;
      }
    }
    next.start(this); // the permit passes straight to the next in line
  }

  private record Waiter<T>(Context context, Supplier<Future<T>> work, Promise<T> promise) {
    void start(IngestGate gate) {
      if (context != null) context.runOnContext(v -> gate.run(work, promise));
      else gate.run(work, promise);
    }
  }
}
