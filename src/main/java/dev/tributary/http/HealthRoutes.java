package dev.tributary.http;

import dev.tributary.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /health/live}: the event loop answers. {@code /health/ready}: the store answers a query
 * and the inbox is writable. JSON bodies with one entry per check; 503 when a check is down.
 */
final class HealthRoutes {
  private static final long STORE_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final Path inboxDir;

  HealthRoutes(Vertx vertx, Path inboxDir) {
    this.vertx = vertx;
    this.inboxDir = inboxDir;
  }

  void mount(Router router) {
    HealthCheckHandler live = HealthCheckHandler.create(vertx);
    live.register("event-loop", promise -> promise.complete(Status.OK()));
    router.get("/health/live").handler(live);

    HealthCheckHandler ready = HealthCheckHandler.create(vertx);
    ready.register(
        "store",
        promise ->
            vertx
                .eventBus()
                .request(
                    Addresses.STORE_PING,
                    null,
                    new DeliveryOptions().setSendTimeout(STORE_TIMEOUT_MS))
                .onSuccess(ok -> promise.complete(Status.OK()))
                .onFailure(
                    e ->
                        promise.complete(
                            Status.KO(new JsonObject().put("error", e.getMessage())))));
    ready.register(
        "inbox",
        promise ->
            vertx
                .<Boolean>executeBlocking(
                    () -> Files.isDirectory(inboxDir) && Files.isWritable(inboxDir))
                .onComplete(
                    r ->
                        promise.complete(
                            Boolean.TRUE.equals(r.result())
                                ? Status.OK()
                                : Status.KO(
                                    new JsonObject()
                                        .put(
                                            "error",
                                            "inbox " + inboxDir + " is not a writable folder")))));
    router.get("/health/ready").handler(ready);
  }
}
