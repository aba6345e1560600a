package dev.tributary.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gates of one instance, one per input ({@code inbox}, {@code api}, {@code feed}, {@code
 * websub}), and the request timeout that follows from them.
 *
 * <p>Every document enters the pipeline ({@code tributary.pipeline} → {@code tributary.store.put},
 * then {@code tributary.topics.count-stored}) through one of these gates, so no stage ever has more
 * than {@link #totalPermits()} documents queued before it. Each stage handles at least one document
 * at a time (the store one, each of the pipeline workers one), so a request waits at most for the
 * documents ahead of it plus its own: {@code (totalPermits + 1) ×} {@link #DOCUMENT_BUDGET}. That
 * is the timeout of every pipeline request ({@link #pipelineRequests()}): a request that is merely
 * queued never times out into a retry; the timeout is left only as a guard against a reply that
 * never comes.
 */
public final class IngestGates {
  /**
   * A generous bound on one document's time through all three stages (extraction, tagging, one
   * store transaction) on a slow machine: a ~5 KB article takes a few milliseconds, a 10 MB one
   * about a second.
   */
  public static final Duration DOCUMENT_BUDGET = Duration.ofSeconds(10);

  private final Map<String, IngestGate> byInput = new LinkedHashMap<>();

  public IngestGates(List<IngestGate> gates) {
    for (IngestGate gate : gates) {
      if (byInput.putIfAbsent(gate.input(), gate) != null) {
        throw new IllegalArgumentException("two gates for input " + gate.input());
      }
    }
  }

  /** The gate of an input; fails for an input that has none (a wiring mistake). */
  public IngestGate of(String input) {
    IngestGate gate = byInput.get(input);
    if (gate == null) throw new IllegalArgumentException("no ingest gate for input " + input);
    return gate;
  }

  public Collection<IngestGate> all() {
    return byInput.values();
  }

  /** The most documents that can be inside the pipeline at once, all inputs together. */
  public int totalPermits() {
    return byInput.values().stream().mapToInt(IngestGate::permits).sum();
  }

  /** How long a pipeline request may wait for its reply: the whole bounded queue, and then some. */
  public long pipelineTimeoutMillis() {
    return (totalPermits() + 1L) * DOCUMENT_BUDGET.toMillis();
  }

  /**
   * Options for a request into the pipeline ({@code tributary.pipeline}, {@code
   * tributary.store.put}, {@code tributary.topics.count-stored}); a fresh instance, as {@link
   * DeliveryOptions} is mutable.
   */
  public DeliveryOptions pipelineRequests() {
    return new DeliveryOptions().setSendTimeout(pipelineTimeoutMillis());
  }
}
