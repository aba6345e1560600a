package dev.tributary.http;

import dev.tributary.sources.FeedIngest;
import dev.tributary.sources.parse.FeedParser;
import dev.tributary.store.HubSubscription;
import dev.tributary.websub.HubSubscriptions;
import dev.tributary.websub.PushSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub callback of each subscription, {@code /websub/{source id}/{callback token}} (W3C
 * WebSub §5.3, §8). The token is 32 random bytes made for the subscription and sent only to its
 * hub, compared in constant time; a request to any other path (the bare {@code /websub/{id}} of
 * old, a wrong token) is 404 and changes nothing.
 *
 * <p>{@code GET} is the hub's intent verification: the challenge is echoed only when the mode is
 * {@code subscribe} and the topic is the one this source asked for (a pending or active
 * subscription), and the granted lease is recorded, capped at the lease we asked for; a {@code
 * denied} notice for our topic is recorded only while a request of ours is pending; anything else
 * is 404, so nobody can subscribe us to what we did not ask for.
 *
 * <p>{@code POST} is pushed content, at most {@code fetch.maxBytes}; the token is checked before
 * the body is read. It is ingested only when its {@code X-Hub-Signature} is the HMAC of the body
 * with the source's secret (computed on a worker: the body may be megabytes). A bad or missing
 * signature is answered 202 all the same and ignored, as §8 requires ("MUST still return a 2xx"):
 * the sender learns nothing it could use to probe the secret, and a hub does not retry. A source
 * without a subscription (deleted) answers 410, which tells the hub to drop the subscription.
 */
final class WebSubRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebSubRoutes.class);
  private static final String SUBSCRIPTION = "websub.subscription";

  private final Vertx vertx;
  private final long maxBodyBytes;
  private final FeedIngest entries;
  private final FeedParser parser = new FeedParser();
  private final HubSubscriptions subscriptions;

  /**
   * @param entries ingest through the instance's {@code websub} gate
   */
  WebSubRoutes(Vertx vertx, long maxBodyBytes, FeedIngest entries) {
    this.vertx = vertx;
    this.maxBodyBytes = maxBodyBytes;
    this.entries = entries;
    this.subscriptions = new HubSubscriptions(vertx);
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

  /**
   * The subscription this callback's path names: null (and 404 sent) when the token is not its
   * callback token. A source without a subscription answers {@code whenNone}.
   */
  private Future<HubSubscription> subscriptionCalledBack(RoutingContext ctx, int whenNone) {
    String id = ctx.pathParam("id");
    return subscriptions
        .of(id)
        .map(
            current -> {
              if (current == null) {
                Errors.send(ctx, whenNone, "no subscription for " + id);
                return null;
              }
              if (!current.calledBackWith(ctx.pathParam("token"))) {
                Errors.send(ctx, 404, "no such subscription");
                return null;
              }
              return current;
            });
  }

  private void verify(RoutingContext ctx) {
    String mode = ctx.queryParams().get("hub.mode");
    String topic = ctx.queryParams().get("hub.topic");
    String challenge = ctx.queryParams().get("hub.challenge");
    if ("subscribe".equals(mode) && (challenge == null || challenge.isEmpty())) {
      Errors.send(ctx, 400, "hub.challenge is missing");
      return;
    }
    Long lease = number(ctx.queryParams().get("hub.lease_seconds"));
    String reason = ctx.queryParams().get("hub.reason");
    subscriptionCalledBack(ctx, 404)
        .compose(
            current ->
                current == null
                    ? Future.succeededFuture((Boolean) null)
                    : current
                        .verify(mode, topic, lease, reason, Instant.now())
                        .map(subscriptions::save)
                        .orElse(Future.succeededFuture(false)))
        .onSuccess(
            confirmed -> {
              if (confirmed == null) return; // answered 404 already
              if (!confirmed) {
                Errors.send(ctx, 404, "no such subscription");
              } else if ("subscribe".equals(mode)) {
                LOG.info("Hub verified the subscription of source {}", ctx.pathParam("id"));
                ctx.response().putHeader("Content-Type", "text/plain").end(challenge);
              } else {
                LOG.warn(
                    "Hub denied the subscription of source {}: {}", ctx.pathParam("id"), reason);
                ctx.response().end();
              }
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * Finds the subscription before the body is read (the request is paused meanwhile, as vertx-web
   * requires for work before a {@link BodyHandler}), so a push to a wrong path costs no read.
   */
  private void findPushedSubscription(RoutingContext ctx) {
    ctx.request().pause();
    subscriptionCalledBack(ctx, 410)
        .onSuccess(
            current -> {
              if (current == null) return;
              ctx.put(SUBSCRIPTION, current);
              ctx.next();
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void push(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    HubSubscription current = ctx.get(SUBSCRIPTION);
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String signature = ctx.request().getHeader("X-Hub-Signature");
    String contentType = ctx.request().getHeader("Content-Type");
    ctx.response().setStatusCode(202).end();
    // An HMAC over up to fetch.maxBytes, then a feed parse: both on a worker.
    vertx
        .executeBlocking(() -> PushSignature.matches(signature, current.secret(), body), false)
        .compose(
            signed -> {
              if (!signed) {
                LOG.warn("Ignored a push to source {}: bad or missing X-Hub-Signature", id);
                return Future.succeededFuture((FeedIngest.Outcome) null);
              }
              return vertx
                  .executeBlocking(() -> parser.parse(body, contentType, current.topic()), false)
                  .compose(feed -> entries.ingestNew(id, current.topic(), feed));
            })
        .onSuccess(
            outcome -> {
              if (outcome != null) LOG.info("Push to source {}: {}", id, outcome);
            })
        .onFailure(e -> LOG.warn("Push to source {} not taken: {}", id, e.getMessage()));
  }

  private static Long number(String text) {
    if (text == null || !text.trim().matches("\\d{1,18}")) return null;
    return Long.parseLong(text.trim());
  }
}
