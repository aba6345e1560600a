package dev.tributary.websub;

import dev.tributary.sources.FeedIngest;
import dev.tributary.sources.parse.FeedParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the subscriber does when a hub calls back (W3C WebSub §5.3, §8), apart from HTTP: the
 * callback path names a source and the subscription's token, compared in constant time; a wrong
 * path changes nothing. Refusals are failed futures whose {@link ReplyException} code is the HTTP
 * status to answer, as for any event-bus failure; {@code http/WebSubRoutes} only maps requests onto
 * these calls.
 *
 * <p>Intent verification echoes the challenge only for {@code subscribe} with the topic this source
 * asked for (a pending or active subscription), and records the granted lease, capped at the lease
 * we asked for; a {@code denied} notice for our topic is recorded only while a request of ours is
 * pending; anything else is 404, so nobody can subscribe us to what we did not ask for.
 *
 * <p>Pushed content is ingested only when its {@code X-Hub-Signature} is the HMAC of the body with
 * the source's secret (computed on a worker: the body may be megabytes). A bad or missing signature
 * is answered like a good one and ignored, as §8 requires ("MUST still return a 2xx"): the sender
 * learns nothing it could use to probe the secret, and a hub does not retry.
 */
public final class HubCallback {
  private static final Logger LOG = LoggerFactory.getLogger(HubCallback.class);
  private static final int BAD_REQUEST = 400;
  private static final int NOT_FOUND = 404;

  /** A push to a source without a subscription (deleted): tells the hub to drop it. */
  public static final int GONE = 410;

  private final Vertx vertx;
  private final FeedIngest entries;
  private final Clock clock;
  private final FeedParser parser = new FeedParser();
  private final HubSubscriptions subscriptions;

  /**
   * @param entries ingest through the instance's {@code websub} gate
   */
  public HubCallback(Vertx vertx, FeedIngest entries, Clock clock) {
    this.vertx = vertx;
    this.entries = entries;
    this.clock = clock;
    this.subscriptions = new HubSubscriptions(vertx);
  }

  /**
   * The subscription a callback's path names. Fails with 404 when the token is not its callback
   * token, and with {@code whenNone} when the source has no subscription.
   */
  public Future<HubSubscription> calledBack(String sourceId, String token, int whenNone) {
    return subscriptions
        .of(sourceId)
        .compose(
            current -> {
              if (current == null) return refused(whenNone, "no subscription for " + sourceId);
              if (!current.calledBackWith(token)) return refused(NOT_FOUND, "no such subscription");
              return Future.succeededFuture(current);
            });
  }

  /**
   * The hub's intent verification (§5.3). Answers the challenge to echo for a verified
   * subscription, or null for a recorded denial; fails with 400 (no challenge) or 404.
   *
   * @param leaseSeconds {@code hub.lease_seconds} as sent; anything but digits counts as none
   */
  public Future<String> verify(
      String sourceId,
      String token,
      String mode,
      String topic,
      String challenge,
      String leaseSeconds,
      String reason) {
    if ("subscribe".equals(mode) && (challenge == null || challenge.isEmpty())) {
      return refused(BAD_REQUEST, "hub.challenge is missing");
    }
    Long lease = number(leaseSeconds);
    return calledBack(sourceId, token, NOT_FOUND)
        .compose(
            current ->
                current
                    .verify(mode, topic, lease, reason, clock.instant())
                    .map(subscriptions::save)
                    .orElse(Future.succeededFuture(false)))
        .compose(
            confirmed -> {
              if (!confirmed) return refused(NOT_FOUND, "no such subscription");
              if ("subscribe".equals(mode)) {
                LOG.info("Hub verified the subscription of source {}", sourceId);
                return Future.succeededFuture(challenge);
              }
              LOG.warn("Hub denied the subscription of source {}: {}", sourceId, reason);
              return Future.succeededFuture((String) null);
            });
  }

  /**
   * Takes a push already answered 202: the signature checked and the feed parsed on workers, its
   * entries ingested. Nothing is reported back; the outcome is logged.
   */
  public void push(
      String sourceId,
      HubSubscription subscription,
      byte[] body,
      String signature,
      String contentType) {
    vertx
        .executeBlocking(() -> PushSignature.matches(signature, subscription.secret(), body), false)
        .compose(
            signed -> {
              if (!signed) {
                LOG.warn("Ignored a push to source {}: bad or missing X-Hub-Signature", sourceId);
                return Future.succeededFuture((FeedIngest.Outcome) null);
              }
              return vertx
                  .executeBlocking(
                      () -> parser.parse(body, contentType, subscription.topic()), false)
                  .compose(feed -> entries.ingestNew(sourceId, subscription.topic(), feed));
            })
        .onSuccess(
            outcome -> {
              if (outcome != null) LOG.info("Push to source {}: {}", sourceId, outcome);
            })
        .onFailure(e -> LOG.warn("Push to source {} not taken: {}", sourceId, e.getMessage()));
  }

  private static <T> Future<T> refused(int status, String message) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status, message));
  }

  private static Long number(String text) {
    if (text == null || !text.trim().matches("\\d{1,18}")) return null;
    return Long.parseLong(text.trim());
  }
}
