package dev.tributary;

import dev.tributary.bridge.IngestAddress;
import dev.tributary.bridge.TcpBridge;
import dev.tributary.bus.Codecs;
import dev.tributary.bus.IngestGate;
import dev.tributary.bus.IngestGates;
import dev.tributary.cluster.ClusterEvents;
import dev.tributary.config.ApiTokens;
import dev.tributary.config.TributaryConfig;
import dev.tributary.http.HttpVerticle;
import dev.tributary.http.LoginLimit;
import dev.tributary.http.SiteInfo;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.ArticlePosts;
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
import dev.tributary.websub.HubSubscriber;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the verticles of one Tributary instance in pipeline order: store, tagger (the topic
 * model's owner), the pipeline workers, HTTP, then the inputs (whose first scan needs the pipeline
 * up).
 */
public final class Tributary {
  private static final Logger LOG = LoggerFactory.getLogger(Tributary.class);
  private static final DeploymentOptions WORKER =
      new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);

  /**
   * A started instance: the port it listens on, the token its write endpoints want, its metrics,
   * and its deployments in the order they were made.
   */
  public record Running(
      int httpPort, String apiToken, TributaryMetrics metrics, List<String> deployments) {
    public Running {
      deployments = List.copyOf(deployments);
    }

    /**
     * Undeploys the verticles in the reverse of the start's order, each once the one before it has
     * stopped: the inputs first, the store last, so that what stops before the store (the tagger's
     * last save of the corpus statistics, puts still in the pipeline) still finds it. {@code
     * Vertx.close} alone undeploys them all at once.
     */
    public Future<Void> stop(Vertx vertx) {
      Future<Void> stopped = Future.succeededFuture();
      for (int i = deployments.size() - 1; i >= 0; i--) {
        String id = deployments.get(i);
        stopped = stopped.compose(x -> vertx.undeploy(id));
      }
      return stopped;
    }
  }

  /**
   * Reader verticles of the store, each with its own connection: reads run beside the writer and
   * beside each other (HTTP answers come from caches mostly; two cover the rest on this size).
   */
  static final int STORE_READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private Tributary() {}

  /** Starts an instance with a registry of its own (Vert.x's own metrics are then not in it). */
  public static Future<Running> start(Vertx vertx, TributaryConfig config, Taxonomy taxonomy) {
    return start(vertx, config, taxonomy, new TributaryMetrics());
  }

  /**
   * Starts an instance recording into {@code metrics}: the registry the Vertx was built with
   * ({@code metrics/VertxMeters}), so that {@code /metrics} shows Vert.x's series too.
   */
  public static Future<Running> start(
      Vertx vertx, TributaryConfig config, Taxonomy taxonomy, TributaryMetrics metrics) {
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
    IngestGates gates = ingestGates(config, metrics);
    LoginLimit logins = new LoginLimit();
    HttpVerticle[] http = new HttpVerticle[1];
    TaggerVerticle tagger = new TaggerVerticle(taxonomy, config.topicsFile());
    ArticlePipeline pipeline =
        new ArticlePipeline(Clock.systemUTC(), tagger::tagger, StoreOpeners.storyRules(config));
    List<String> deployed = new ArrayList<>();
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
        .onSuccess(deployed::add)
        .compose(id -> vertx.deployVerticle(tagger, WORKER))
        .onSuccess(deployed::add)
        .compose(
            id ->
                PipelineVerticle.deploy(
                    vertx, config.pipeline().effectiveWorkers(), pipeline, metrics, gates))
        .onSuccess(deployed::add)
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        http[0] =
                            new HttpVerticle(
                                config, site, token, sharedPort(config), gates, logins, metrics),
                    new DeploymentOptions().setInstances(config.http().effectiveInstances())))
        .onSuccess(deployed::add)
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        new SourceScheduler(
                            config.cluster().memberName(),
                            FetchOptions.from(config.fetch()),
                            config.pollMaxInFlight(),
                            config.pollDefaultIntervalSeconds(),
                            (v, fetcher, schedule, clock) ->
                                new HubSubscriber(
                                    v,
                                    fetcher,
                                    schedule,
                                    clock,
                                    config.http().publicUrl(),
                                    config.access().allowInsecureHubs()),
                            metrics,
                            gates),
                    new DeploymentOptions()))
        .onSuccess(deployed::add)
        .compose(id -> joinClusterEvents(vertx, config, deployed))
        .compose(
            id ->
                vertx.deployVerticle(
                    () ->
                        new InboxVerticle(
                            config.inbox().dir(),
                            config.cluster().memberName(),
                            config.inbox().maxBytes(),
                            config.inbox().settleMillis(),
                            gates,
                            metrics),
                    WORKER))
        .onSuccess(deployed::add)
        .compose(id -> deployIngestAddress(vertx, config, token, gates, deployed))
        .map(id -> new Running(http[0].actualPort(), token, metrics, deployed));
  }

  /**
   * The public ingest address for other services, and the TCP bridge to it when {@code bridge.port}
   * is set: on the HTTP interface, as it takes the same token as the API's writes.
   */
  private static Future<String> deployIngestAddress(
      Vertx vertx, TributaryConfig config, String token, IngestGates gates, List<String> deployed) {
    long maxBodyBytes = config.http().maxBodyBytes();
    Future<String> address =
        vertx
            .deployVerticle(
                new IngestAddress(new ArticlePosts(vertx, gates, maxBodyBytes), maxBodyBytes))
            .onSuccess(deployed::add);
    if (config.bridgePort() == 0) return address;
    return address.compose(
        id ->
            vertx
                .deployVerticle(
                    new TcpBridge(
                        config.http().host(),
                        config.bridgePort(),
                        token,
                        TcpBridge.maxFrameBytes(maxBodyBytes)))
                .onSuccess(deployed::add));
  }

  /**
   * On a clustered Vert.x, the relay that lets every member's caches and streams hear every
   * member's articles; before the inputs start, so no article is missed.
   */
  private static Future<?> joinClusterEvents(
      Vertx vertx, TributaryConfig config, List<String> deployed) {
    if (!vertx.isClustered()) return Future.succeededFuture();
    if (config.storeKind().equals("sqlite")) {
      LOG.warn(
          "cluster.enabled with store.kind=sqlite: each member keeps its own articles and polls"
              + " its own sources; share one PostgreSQL store (store.kind=postgres) to split the"
              + " work");
    }
    return vertx
        .deployVerticle(new ClusterEvents(config.cluster().memberName()))
        .onSuccess(deployed::add);
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
