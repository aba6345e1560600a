package dev.tributary.http;

import dev.tributary.websub.HubCallback;
import dev.tributary.websub.HubSubscription;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The WebSub callback of each subscription, {@code /websub/{source id}/{callback token}}: the
 * routes of {@link HubCallback}, which holds what is decided (W3C WebSub §5.3, §8). {@code GET} is
 * the hub's intent verification; {@code POST} is pushed content, at most {@code fetch.maxBytes},
 * answered 202 before it is checked and ingested, so a slow pipeline never holds a hub's
 * connection. A request to any other path (the bare {@code /websub/{id}} of old, a wrong token) is
 * 404 and changes nothing.
 */
final class WebSubRoutes {
  private static final String SUBSCRIPTION = "websub.subscription";

  private final long maxBodyBytes;
  private final HubCallback callback;

  WebSubRoutes(long maxBodyBytes, HubCallback callback) {
    this.maxBodyBytes = maxBodyBytes;
    this.callback = callback;
  }

  void mount(Router router) {
    router.get("/websub/:id/:token").handler(this::verify);
    // Two routes, because vertx-web lets no handler of ours precede a BodyHandler on one route.
    router.post("/websub/:id/:token").handler(this::findPushedSubscription);
    router
        .post("/websub/:id/:token")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::push);
  }

  private void verify(RoutingContext ctx) {
    var query = ctx.queryParams();
    callback
        .verify(
            ctx.pathParam("id"),
            ctx.pathParam("token"),
            query.get("hub.mode"),
            query.get("hub.topic"),
            query.get("hub.challenge"),
            query.get("hub.lease_seconds"),
            query.get("hub.reason"))
        .onSuccess(
            challenge -> {
              if (challenge == null) ctx.response().end();
              else ctx.response().putHeader("Content-Type", "text/plain").end(challenge);
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * Finds the subscription before the body is read (the request is paused meanwhile, as vertx-web
   * requires for work before a {@link BodyHandler}), so a push to a wrong path costs no read.
   */
  private void findPushedSubscription(RoutingContext ctx) {
    ctx.request().pause();
    callback
        .calledBack(ctx.pathParam("id"), ctx.pathParam("token"), HubCallback.GONE)
        .onSuccess(
            current -> {
              ctx.put(SUBSCRIPTION, current);
              ctx.next();
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void push(RoutingContext ctx) {
    HubSubscription current = ctx.get(SUBSCRIPTION);
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String signature = ctx.request().getHeader("X-Hub-Signature");
    String contentType = ctx.request().getHeader("Content-Type");
    ctx.response().setStatusCode(202).end();
    callback.push(ctx.pathParam("id"), current, body, signature, contentType);
  }
}
