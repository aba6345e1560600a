package dev.tributary.http;

import dev.tributary.bus.Failures;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every API failure is {@code {"error": "…"}} with the right status code. */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) return;
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", message).encode());
  }

  /** Seconds a client is asked to wait after a 503 (saturated pipeline, full disk). */
  static final String RETRY_AFTER_SECONDS = "30";

  /** Answers a failed event-bus request with the status its failure code carries. */
  public static void fromFailure(RoutingContext ctx, Throwable failure) {
    int status = Failures.codeOf(failure);
    if (status == Failures.SATURATED) { // passing, and the message says why: show it
      if (!ctx.response().headWritten())
        ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      send(ctx, status, failure.getMessage());
      return;
    }
    if (status >= 500) LOG.error("Request {} failed", ctx.request().path(), failure);
    String message = status >= 500 ? "internal error, see the server log" : failure.getMessage();
    send(ctx, status, message);
  }

  /** The router's failure handler: statuses set by vert.x-web (404, 405, 413…) and exceptions. */
  public static void onRouterFailure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (ctx.failure() != null && status >= 500) {
      LOG.error("Request {} failed", ctx.request().path(), ctx.failure());
    }
    send(ctx, status, messageFor(status));
  }

  static String messageFor(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "missing or wrong bearer token";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 413 -> "request body too large";
      case 415 -> "unsupported media type";
      default -> status >= 500 ? "internal error, see the server log" : "request failed";
    };
  }
}
