package dev.tributary.sources;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A local HTTP server on 127.0.0.1 that plays the web in tests. */
public final class WebServer {
  public final Router router;
  private final HttpServer server;

  private WebServer(Router router, HttpServer server) {
    this.router = router;
    this.server = server;
  }

  public static WebServer start(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new WebServer(router, server);
  }

  /**
   * Serves an RSS feed at {@code path} with the ETag {@code "v1"}, answering 304 to a request that
   * sends it back; the body is read at each request.
   */
  public void serveFeed(String path, Supplier<String> rss) {
    router
        .get(path)
        .handler(
            ctx -> {
              if (FEED_ETAG.equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).end();
              } else {
                ctx.response()
                    .putHeader("Content-Type", "application/rss+xml")
                    .putHeader("ETag", FEED_ETAG)
                    .end(rss.get());
              }
            });
  }

  public static final String FEED_ETAG = "\"v1\"";

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }
}
