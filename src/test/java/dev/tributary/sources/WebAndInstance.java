package dev.tributary.sources;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local server playing the web and a real Tributary allowed to fetch from it (loopback), on one
 * Vert.x that complains early about blocked event loops.
 */
final class WebAndInstance implements AutoCloseable {
  final Vertx vertx;
  final WebServer web;
  final TestServer server;

  private WebAndInstance(Vertx vertx, WebServer web, TestServer server) {
    this.vertx = vertx;
    this.web = web;
    this.server = server;
  }

  /** Starts the web with its routes, then the instance, its data in {@code dataDir}. */
  static WebAndInstance start(Path dataDir, Consumer<WebServer> routes) throws Exception {
    Vertx vertx = TestServer.newVertx();
    WebServer web = WebServer.start(vertx);
    routes.accept(web);
    TestServer server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject().put("fetch", new JsonObject().put("allowPrivateAddresses", true)));
    return new WebAndInstance(vertx, web, server);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
