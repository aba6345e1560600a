package dev.tributary.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The metrics of one Tributary instance, in one Micrometer registry scraped as Prometheus text at
 * {@code GET /metrics}. Created before the Vertx (whose own metrics, {@link VertxMeters}, go into
 * the same registry) and handed to {@code Tributary.start}, which hands it to the verticles that
 * record into it; there is no global registry. Thread-safe: verticles on several threads record at
 * once.
 */
public final class TributaryMetrics {
  /** Prometheus text exposition format 0.0.4, the one {@link #scrape()} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Source statuses reported by {@code tributary_sources}, always present (0 when none). */
  public static final List<String> SOURCE_STATUSES = List.of("new", "ok", "error", "dead");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> sourcesByStatus = new ConcurrentHashMap<>();
  private final Timer tagging;
  private final Counter cacheHits;
  private final Counter cacheMisses;

  public TributaryMetrics() {
    registry.config().meterFilter(VertxMeters.answeringRouteOnly());
    tagging =
        Timer.builder("tributary.tagging")
            .description("Time to tag one article with its topics and keyphrases")
            .register(registry);
    cacheHits = cacheCounter("hit");
    cacheMisses = cacheCounter("miss");
    for (String status : SOURCE_STATUSES) sourceGauge(status);
    for (String input : List.of("inbox", "api", "web", "feed")) {
      ingestedCounter(input);
      duplicateCounter(input);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * The input an article came through, from its source id: {@code inbox}, {@code api}, {@code web}
   * (a page fetched by URL) or {@code feed} (a subscribed source).
   */
  public static String inputOf(String sourceId) {
    if (sourceId == null) return "feed";
    if (sourceId.equals("inbox")) return "inbox";
    if (sourceId.equals("api") || sourceId.startsWith("api:")) return "api";
    if (sourceId.startsWith("web:")) return "web";
    return "feed";
  }

  /** A new article was stored. */
  public void ingested(String sourceId) {
    ingestedCounter(inputOf(sourceId)).increment();
  }

  /** An article was already stored. */
  public void duplicate(String sourceId) {
    duplicateCounter(inputOf(sourceId)).increment();
  }

  /** A document could not be ingested, for a short, fixed reason (a label, not a message). */
  public void failure(String reason) {
    Counter.builder("tributary.ingest.failures")
        .description("Documents that could not be ingested, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Reports one input's admission to the pipeline: documents in flight ({@code
   * tributary_ingest_in_flight{input}}) and waiting their turn ({@code
   * tributary_ingest_waiting{input}}).
   */
  public void ingestGate(String input, IntSupplier inFlight, IntSupplier waiting) {
    Gauge.builder("tributary.ingest.in.flight", inFlight::getAsInt)
        .description("Documents of an input inside the pipeline")
        .tag("input", input)
        .register(registry);
    Gauge.builder("tributary.ingest.waiting", waiting::getAsInt)
        .description("Documents of an input waiting for a place in the pipeline")
        .tag("input", input)
        .register(registry);
  }

  public Timer tagging() {
    return tagging;
  }

  /** Runs one store call and records its latency under {@code operation}. */
  public <T> T timeStore(String operation, Supplier<T> call) {
    Timer.Sample sample = Timer.start(registry);
    try {
      return call.get();
    } finally {
      sample.stop(
          Timer.builder("tributary.store.latency")
              .description("Latency of calls into the store")
              .tag("operation", operation.replaceFirst("^tributary\\.store\\.", ""))
              .register(registry));
    }
  }

  /** One group commit of the store: how many articles it wrote in one transaction. */
  public void storeBatch(int articles) {
    DistributionSummary.builder("tributary.store.batch.articles")
        .description("Articles per store transaction (group commit)")
        .register(registry)
        .record(articles);
  }

  /** Replaces the number of sources per status. */
  public void sources(Map<String, Long> countsByStatus) {
    for (String status : SOURCE_STATUSES) {
      sourceGauge(status).set(countsByStatus.getOrDefault(status, 0L));
    }
    countsByStatus.forEach((status, n) -> sourceGauge(status).set(n));
  }

  /** One poll ended: {@code ok}, {@code not_modified}, {@code error} or {@code dead}. */
  public void poll(String outcome) {
    Counter.builder("tributary.polls")
        .description("Source polls, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void feedCache(boolean hit) {
    (hit ? cacheHits : cacheMisses).increment();
  }

  private Counter ingestedCounter(String input) {
    return Counter.builder("tributary.articles.ingested")
        .description("New articles stored, by input")
        .tag("input", input)
        .register(registry);
  }

  private Counter duplicateCounter(String input) {
    return Counter.builder("tributary.articles.duplicates")
        .description("Articles already stored, by input")
        .tag("input", input)
        .register(registry);
  }

  private Counter cacheCounter(String result) {
    return Counter.builder("tributary.feed.cache")
        .description("Feed cache lookups, by result")
        .tag("result", result)
        .register(registry);
  }

  private AtomicLong sourceGauge(String status) {
    return sourcesByStatus.computeIfAbsent(
        status,
        s -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("tributary.sources", value, AtomicLong::doubleValue)
              .description("Subscribed sources, by status")
              .tag("status", s)
              .register(registry);
          return value;
        });
  }
}
