package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.bus.IngestGates;
import dev.tributary.config.TributaryConfig;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.sources.FeedIngest;
import dev.tributary.sources.FetchOptions;
import dev.tributary.sources.Fetcher;
import dev.tributary.sources.Subscriptions;
import dev.tributary.topics.Taxonomy;
import dev.tributary.websub.HubCallback;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.LoggerFormat;
import io.vertx.ext.web.handler.LoggerHandler;
import java.time.Clock;
import java.util.List;

/** The HTTP server: feeds, the JSON API, health, metrics, and the page for people. */
public final class HttpVerticle extends VerticleBase {
  private final TributaryConfig config;
  private final SiteInfo site;
  private final String apiToken;
  private final int port;
  private final TributaryMetrics metrics;
  private final IngestGates gates;
  private final LoginLimit logins;
  private HttpServer server;

  /**
   * @param port the port to listen on; -1 for a free port shared by all instances
   * @param gates the instance's gates, shared by all HTTP instances
   * @param logins the reader logins' limit, shared by all HTTP instances
   */
  public HttpVerticle(
      TributaryConfig config,
      SiteInfo site,
      String apiToken,
      int port,
      IngestGates gates,
      LoginLimit logins,
      TributaryMetrics metrics) {
    this.config = config;
    this.logins = logins;
    this.gates = gates;
    this.metrics = metrics;
    this.site = site;
    this.apiToken = apiToken;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    vertx
        .eventBus()
        .<Taxonomy>localConsumer(
            Addresses.TOPICS_CHANGED, m -> site.replaceTopics(m.body().labels()));
    Router router = Router.router(vertx);
    if (config.logRequests()) router.route().handler(LoggerHandler.create(LoggerFormat.DEFAULT));
    AccessRules.mount(router, new BearerAuth(apiToken), config.access());
    KnownParameters.mount(router);
    router
        .route("/metrics")
        .method(HttpMethod.GET)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", TributaryMetrics.CONTENT_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .end(metrics.scrape()));
    new FeedRoutes(vertx, site, metrics).mount(router);
    Fetcher fetcher = new Fetcher(vertx, FetchOptions.from(config.fetch()));
    new ApiRoutes(
            vertx,
            site,
            config.http().maxBodyBytes(),
            config.http().timelineCacheBytes(),
            new UrlIngest(vertx, fetcher, site, config.fetch().allowPrivateAddresses(), gates),
            gates)
        .mount(router);
    new SourceRoutes(
            vertx,
            new Subscriptions(
                vertx,
                fetcher,
                Clock.systemUTC(),
                config.pollDefaultIntervalSeconds(),
                config.fetch().allowPrivateAddresses()),
            site,
            config.http().maxBodyBytes())
        .mount(router);
    new WebSubRoutes(
            config.fetch().maxBytes(),
            new HubCallback(
                vertx,
                new FeedIngest(vertx, gates.of("websub"), gates.pipelineRequests(), metrics),
                Clock.systemUTC()))
        .mount(router);
    new StreamRoutes(vertx, config.http().streamKeepAliveSeconds() * 1000L).mount(router);
    config
        .readerAccount()
        .ifPresent(
            account -> {
              ReaderLogin login = new ReaderLogin(vertx, account, logins);
              new ReaderRoutes(vertx, site, login, config.http().maxBodyBytes()).mount(router);
              new FeverRoutes(vertx, site, login).mount(router);
            });
    new HealthRoutes(vertx, config.inbox().dir()).mount(router);
    new PageRoutes(vertx, site).mount(router);
    router.route().failureHandler(Errors::onRouterFailure);
    for (int status : List.of(404, 413, 415, 500)) {
      router.errorHandler(status, Errors::onRouterFailure);
    }
    router.errorHandler(405, ctx -> MethodNotAllowed.send(router, ctx));
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                .setDecompressionSupported(false)
                .setMaxFormAttributeSize(8192)
                // a reader app marks up to 10,000 items in one form (edit-tag, i=…): one field each
                .setMaxFormFields(dev.tributary.reader.StreamQueries.MAX_IDS + 16));
    return server.requestHandler(router).listen(port, config.http().host());
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
