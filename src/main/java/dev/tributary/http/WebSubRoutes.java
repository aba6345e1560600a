package dev.tributary.http;

import dev.tributary.sources.FeedIngest;
import dev.tributary.sources.parse.FeedParser;
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
 * The WebSub callback of each source, {@code /websub/{source id}} (W3C WebSub §5.3, §8).
 *
 * <p>{@code GET} is the hub's intent verification: the challenge is echoed only when the mode is
 * {@code subscribe} and the topic is the one this source asked for (a pending or active
 * subscription), and the granted lease is recorded; a {@code denied} notice for our topic is
 * recorded; anything else is 404, so nobody can subscribe us to what we did not ask for.
 *
 * <p>{@code POST} is pushed content, at most {@code fetch.maxBytes}. It is ingested only when its
 * {@code X-Hub-Signature} is the HMAC of the body with the source's secret. A bad or missing
 * signature is answered 202 all the same and ignored, as §8 requires ("MUST still return a 2xx"):
 * the sender learns nothing it could use to probe the secret, and a hub does not retry. A source
 * without a subscription (deleted) answers 410, which tells the hub to drop the subscription.
 */
final class WebSubRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebSubRoutes.class);

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
    router.get("/websub/:id").handler(this::verify);
    router
        .post("/websub/:id")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::push);
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
    subscriptions
        .of(ctx.pathParam("id"))
        .compose(
            current ->
                current == null
                    ? Future.succeededFuture(false)
                    : current
                        .verify(mode, topic, lease, reason, Instant.now())
                        .map(subscriptions::save)
                        .orElse(Future.succeededFuture(false)))
        .onSuccess(
            confirmed -> {
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

  private void push(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String signature = ctx.request().getHeader("X-Hub-Signature");
    String contentType = ctx.request().getHeader("Content-Type");
    subscriptions
        .of(id)
        .onSuccess(
            current -> {
              if (current == null) {
                Errors.send(ctx, 410, "no subscription for " + id);
                return;
              }
              ctx.response().setStatusCode(202).end();
              if (!PushSignature.matches(signature, current.secret(), body)) {
                LOG.warn("Ignored a push to source {}: bad or missing X-Hub-Signature", id);
                return;
              }
              vertx
                  .executeBlocking(() -> parser.parse(body, contentType, current.topic()), false)
                  .compose(feed -> entries.ingestNew(id, current.topic(), feed))
                  .onSuccess(outcome -> LOG.info("Push to source {}: {}", id, outcome))
                  .onFailure(e -> LOG.warn("Push to source {} not taken: {}", id, e.getMessage()));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private static Long number(String text) {
    if (text == null || !text.trim().matches("\\d{1,18}")) return null;
    return Long.parseLong(text.trim());
  }
}
