package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.List;

/** The HTTP server: feeds, the JSON API, health, and the page for people. */
public final class HttpVerticle extends VerticleBase {
  /** Pages run no script and load nothing from elsewhere; styles are inline. */
  private static final String CSP =
      "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none';"
          + " form-action 'self'";

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
    router.get("/").handler(this::home);
    router.get("/articles/:id").handler(this::articlePage);
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

  private void articlePage(RoutingContext ctx) {
    vertx
        .eventBus()
        .<Article>request(Addresses.STORE_GET, ctx.pathParam("id"))
        .onSuccess(reply -> sendHtml(ctx, HomePage.renderArticle(site, reply.body())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private static void sendHtml(RoutingContext ctx, String html) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .end(html);
  }

  private void home(RoutingContext ctx) {
    String topic = ctx.queryParams().get("topic");
    if (topic != null && !site.topics().containsKey(topic)) topic = null;
    TimelineQuery query =
        topic == null
            ? TimelineQuery.newest(site.feedSize())
            : TimelineQuery.newestInTopic(topic, site.feedSize());
    String selected = topic;
    vertx
        .eventBus()
        .<TimelinePage>request(Addresses.STORE_TIMELINE, query)
        .onSuccess(
            reply ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader(
                        "Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'")
                    .end(HomePage.render(site, selected, reply.body().items())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }
}
