package dev.tributary.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.List;

/** The HTTP server: feeds, the JSON API, health, and the page for people. */
public final class HttpVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final SiteInfo site;
  private final String apiToken;
  private final long maxBodyBytes;
  private final Path inboxDir;
  private HttpServer server;

  public HttpVerticle(
      String host, int port, SiteInfo site, String apiToken, long maxBodyBytes, Path inboxDir) {
    this.host = host;
    this.port = port;
    this.site = site;
    this.apiToken = apiToken;
    this.maxBodyBytes = maxBodyBytes;
    this.inboxDir = inboxDir;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    new FeedRoutes(vertx, site).mount(router);
    new ApiRoutes(vertx, site, new BearerAuth(apiToken), maxBodyBytes).mount(router);
    new HealthRoutes(vertx, inboxDir).mount(router);
    new PageRoutes(vertx, site).mount(router);
    router.route().last().handler(ctx -> Errors.send(ctx, 404, "not found"));
    router.route().failureHandler(Errors::onRouterFailure);
    for (int status : List.of(404, 405, 413, 415, 500)) {
      router.errorHandler(status, Errors::onRouterFailure);
    }
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                .setDecompressionSupported(false)
                .setMaxFormAttributeSize(8192));
    return server.requestHandler(router).listen(port, host);
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
