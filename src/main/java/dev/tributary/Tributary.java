package dev.tributary;

import dev.tributary.bus.Codecs;
import dev.tributary.bus.IngestGate;
import dev.tributary.bus.IngestGates;
import dev.tributary.config.ApiTokens;
import dev.tributary.config.TributaryConfig;
import dev.tributary.http.HttpVerticle;
import dev.tributary.http.SiteInfo;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.InboxVerticle;
import dev.tributary.ingest.PipelineVerticle;
import dev.tributary.ingest.TaggerVerticle;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.sources.FeedIngest;
import dev.tributary.sources.FetchOptions;
import dev.tributary.sources.SourceScheduler;
import dev.tributary.store.GroupCommit;
import dev.tributary.store.StoreVerticle;
import dev.tributary.topics.Taxonomy;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * Deploys the verticles of one Tributary instance in pipeline order: store, tagger (the topic
 * model's owner), the pipeline workers, HTTP, then the inputs (whose first scan needs the pipeline
 * up).
 */
public final class Tributary {
  private static final DeploymentOptions WORKER =
      new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);

  /**
   * A started instance: the port it listens on, the token its write endpoints want, and its
   * metrics.
   */
  public record Running(int httpPort, String apiToken, TributaryMetrics metrics) {}

  /**
   * Reader verticles of the store, each with its own connection: reads run beside the writer and
   * beside each other (HTTP answers come from caches mostly; two cover the rest on this size).
   */
  static final int STORE_READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private Tributary() {}

  public static Future<Running> start(Vertx vertx, TributaryConfig config, Taxonomy taxonomy) {
    Codecs.register(vertx);
    String token;
    try {
      token = ApiTokens.resolve(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SiteInfo site =
        new SiteInfo(
            config.http().publicUrl(),
            config.feed().title(),
            config.feed().size(),
            taxonomy.labels());
    TributaryMetrics metrics = new TributaryMetrics();
    IngestGates gates = ingestGates(config, metrics);
    HttpVerticle[] http = new HttpVerticle[1];
    TaggerVerticle tagger = new TaggerVerticle(taxonomy, config.topicsFile());
    ArticlePipeline pipeline = new ArticlePipeline(Clock.systemUTC(), tagger::tagger);
    return StoreOpeners.of(vertx, config)
        .compose(
            store ->
                vertx.deployVerticle(
                    () ->
                        new StoreVerticle(
                            store.writer(),
                            store.reader(),
                            STORE_READERS,
                            new GroupCommit(
                                config.storeBatch().maxArticles(),
                                config.storeBatch().maxDelayMs()),
                            metrics),
                    WORKER))
        .compose(id -> vertx.deployVerticle(tagger, WORKER))
        .compose(
            id ->
                PipelineVerticle.deploy(
                    vertx, config.pipeline().effectiveWorkers(), pipeline, metrics, gates))
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        http[0] =
                            new HttpVerticle(
                                config, site, token, sharedPort(config), gates, metrics),
                    new DeploymentOptions().setInstances(config.http().effectiveInstances())))
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        new SourceScheduler(
                            FetchOptions.from(config.fetch()),
                            config.pollMaxInFlight(),
                            config.pollDefaultIntervalSeconds(),
                            config.http().publicUrl(),
                            config.access().allowInsecureHubs(),
                            metrics,
                            gates),
                    new DeploymentOptions()))
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        new InboxVerticle(
                            config.inbox().dir(),
                            config.inbox().maxBytes(),
                            config.inbox().settleMillis(),
                            gates,
                            metrics),
                    WORKER))
        .map(id -> new Running(http[0].actualPort(), token, metrics));
  }

  /**
   * One gate per input into the pipeline, each reported in the metrics. The inbox keeps its waiting
   * files on disk, so its gate has no queue; posts wait in a short one and are refused (503) past
   * it. Feed entries wait in a queue sized so that a poll's or push's window always fits.
   */
  private static IngestGates ingestGates(TributaryConfig config, TributaryMetrics metrics) {
    IngestGates gates =
        new IngestGates(
            List.of(
                new IngestGate("inbox", config.inbox().effectiveMaxInFlight(), 0),
                new IngestGate(
                    "api", config.api().effectiveMaxInFlight(), config.api().maxWaiting()),
                // polled feeds and WebSub pushes each have their own share
                FeedIngest.gate("feed", config.pollMaxInFlight()),
                FeedIngest.gate("websub", FeedIngest.PUSHES_AT_ONCE)));
    for (IngestGate gate : gates.all()) {
      metrics.ingestGate(gate.input(), gate::inFlight, gate::waiting);
    }
    return gates;
  }

  /**
   * The port every HTTP instance listens on. Vert.x shares one server between instances on the same
   * port; for "any free port" (0) that takes -1, else each instance would get its own.
   */
  private static int sharedPort(TributaryConfig config) {
    return config.http().port() == 0 ? -1 : config.http().port();
  }
}
