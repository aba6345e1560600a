package dev.tributary.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Vert.x's own metrics (vertx-micrometer-metrics: HTTP server and client, event bus, pools, TCP
 * servers) recorded into an instance's {@link TributaryMetrics} registry, so {@code GET /metrics}
 * shows them beside the product's. Metrics are fixed when a Vertx is built, which is why the
 * registry exists before the Vertx does.
 */
public final class VertxMeters {
  private VertxMeters() {}

  /**
   * A builder for a Vertx with these options that records into {@code metrics}. Callers add what
   * else they need (a cluster manager) and build.
   */
  public static VertxBuilder builder(VertxOptions options, TributaryMetrics metrics) {
    return Vertx.builder()
        .with(options.setMetricsOptions(metricsOptions()))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()));
  }

  /**
   * Vert.x-web reports every route a request passed through, joined by {@code >} ({@code
   * /api/>/api/articles>/api/articles}: the token check, the parameter check, the handler); the
   * last is the route that answered, and the one the {@code route} label keeps. Must be in place
   * before the first meter is registered.
   */
  static MeterFilter answeringRouteOnly() {
    return MeterFilter.replaceTagValues(
        Label.HTTP_ROUTE.toString(), route -> route.substring(route.lastIndexOf('>') + 1));
  }

  /**
   * Labels with a bounded set of values only: the route template an HTTP request matched (never its
   * raw path, which a client chooses), the event-bus address (a fixed list in {@code
   * bus/Addresses}; Vert.x leaves out its own reply addresses), and the defaults (method, status
   * code, pool, side).
   */
  static MicrometerMetricsOptions metricsOptions() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .addLabels(Label.HTTP_ROUTE, Label.EB_ADDRESS);
  }
}
