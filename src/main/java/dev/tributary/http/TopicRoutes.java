package dev.tributary.http;

import dev.tributary.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Teaching and re-tagging (both need the token, checked by {@link AccessRules}): {@code POST
 * /api/topics/{slug}/examples} adds labelled examples, {@code POST /api/topics/retag} re-tags every
 * stored article.
 */
final class TopicRoutes {
  /** A re-tag walks the whole store: give it time. */
  static final long RETAG_TIMEOUT_MS = 30 * 60 * 1000;

  private final Vertx vertx;
  private final long maxBodyBytes;

  TopicRoutes(Vertx vertx, long maxBodyBytes) {
    this.vertx = vertx;
    this.maxBodyBytes = maxBodyBytes;
  }

  void mount(Router router) {
    router
        .post("/api/topics/retag")
        .handler(BodyHandler.create(false).setBodyLimit(1024))
        .handler(this::retag);
    router
        .post("/api/topics/:slug/examples")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::addExamples);
  }

  private void retag(RoutingContext ctx) {
    vertx
        .eventBus()
        .<JsonObject>request(
            Addresses.TOPICS_RETAG, null, new DeliveryOptions().setSendTimeout(RETAG_TIMEOUT_MS))
        .onSuccess(reply -> ApiRoutes.sendJson(ctx, 200, reply.body()))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * Body: {@code {"articleIds": ["…"], "texts": ["…" or {"title": "…", "text": "…"}]}}, either or
   * both.
   */
  private void addExamples(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      Errors.send(ctx, 400, "body must be JSON: {\"articleIds\": [...], \"texts\": [...]}");
      return;
    }
    if (body == null) {
      Errors.send(ctx, 400, "body must be JSON: {\"articleIds\": [...], \"texts\": [...]}");
      return;
    }
    JsonObject request =
        new JsonObject()
            .put("slug", ctx.pathParam("slug"))
            .put(
                "articleIds",
                body.getValue("articleIds") instanceof io.vertx.core.json.JsonArray a ? a : null)
            .put(
                "texts",
                body.getValue("texts") instanceof io.vertx.core.json.JsonArray t ? t : null);
    if (request.getValue("articleIds") == null) request.remove("articleIds");
    if (request.getValue("texts") == null) request.remove("texts");
    vertx
        .eventBus()
        .<JsonObject>request(Addresses.TOPICS_ADD_EXAMPLES, request)
        .onSuccess(reply -> ApiRoutes.sendJson(ctx, 201, reply.body()))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }
}
