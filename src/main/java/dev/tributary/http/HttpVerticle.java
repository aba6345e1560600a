package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.config.TributaryConfig;
import dev.tributary.sources.FetchOptions;
import dev.tributary.sources.Fetcher;
import dev.tributary.topics.Taxonomy;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;

/** The HTTP server: feeds, the JSON API, health, and the page for people. */
public final class HttpVerticle extends VerticleBase {
  private final TributaryConfig config;
  private final SiteInfo site;
  private final String apiToken;
  private final int port;
  private HttpServer server;

  /**
   * @param port the port to listen on; -1 for a free port shared by all instances
   */
  public HttpVerticle(TributaryConfig config, SiteInfo site, String apiToken, int port) {
    this.config = config;
    this.site = site;
    this.apiToken = apiToken;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    vertx
        .eventBus()
        .<Taxonomy>consumer(Addresses.TOPICS_CHANGED, m -> site.replaceTopics(m.body().labels()));
    Router router = Router.router(vertx);
    new FeedRoutes(vertx, site).mount(router);
    BearerAuth auth = new BearerAuth(apiToken);
    Fetcher fetcher = new Fetcher(vertx, FetchOptions.from(config.fetch()));
    new ApiRoutes(
            vertx,
            site,
            auth,
            config.http().maxBodyBytes(),
            new UrlIngest(vertx, fetcher, site, config.fetch().allowPrivateAddresses()))
        .mount(router);
    new SourceRoutes(
            vertx,
            auth,
            fetcher,
            site,
            config.pollDefaultIntervalSeconds(),
            config.http().maxBodyBytes(),
            config.fetch().allowPrivateAddresses())
        .mount(router);
    new WebSubRoutes(vertx, config.fetch().maxBytes()).mount(router);
    new StreamRoutes(vertx, config.http().streamKeepAliveSeconds() * 1000L).mount(router);
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
                .setMaxFormAttributeSize(8192));
    return server.requestHandler(router).listen(port, config.http().host());
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
