package dev.tributary.sources;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

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

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }
}
