package dev.tributary.websub;

import dev.tributary.sources.FetchRequest;
import dev.tributary.sources.Fetcher;
import dev.tributary.sources.PollFollowUp;
import dev.tributary.sources.PollSchedule;
import dev.tributary.sources.RedactedUrl;
import dev.tributary.sources.Source;
import dev.tributary.sources.parse.ParsedFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub subscriber side of a poll (W3C WebSub §5.1). After a successful poll of a source whose
 * feed advertises a hub, it asks the hub for a subscription when there is none for that hub and
 * topic, or when the lease is due for renewal or an earlier request went unanswered; the request is
 * a form POST through the {@link Fetcher}, so the hub URL passes the same SSRF guard as any feed.
 *
 * <p>While the hub pushes (a verified subscription whose lease has not ended), polling is only a
 * fallback: the next poll is {@code max(interval, 6 h)} away, but no later than the lease's renewal
 * time, and the poll at that time renews it.
 */
public final class HubSubscriber implements PollFollowUp {
  private static final Logger LOG = LoggerFactory.getLogger(HubSubscriber.class);

  /** The polling interval while a hub pushes, unless the source's own is longer. */
  public static final int FALLBACK_INTERVAL_SECONDS = 6 * 3600;

  private final Vertx vertx;
  private final Fetcher fetcher;
  private final PollSchedule schedule;
  private final Clock clock;
  private final String callbackBase;
  private final HubSubscriptions subscriptions;
  private final boolean allowInsecureHubs;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param publicUrl {@code http.publicUrl}: callbacks are {@code <publicUrl>/websub/<source
   *     id>/<callback token>}
   * @param allowInsecureHubs {@code websub.allowInsecureHubs}: whether to subscribe at plain-http
   *     hubs, which means sending {@code hub.secret} (and the callback token) in the clear
   */
  public HubSubscriber(
      Vertx vertx,
      Fetcher fetcher,
      PollSchedule schedule,
      Clock clock,
      String publicUrl,
      boolean allowInsecureHubs) {
    this.vertx = vertx;
    this.allowInsecureHubs = allowInsecureHubs;
    this.fetcher = fetcher;
    this.schedule = schedule;
    this.clock = clock;
    this.callbackBase = publicUrl + "/websub/";
    this.subscriptions = new HubSubscriptions(vertx);
  }

  /**
   * Subscribes or renews when needed, then answers the polled source with its next poll moved out
   * to the fallback interval if the hub pushes. Never fails: any trouble leaves the source as it
   * was polled.
   *
   * @param feed the feed just parsed; null when the poll was a 304
   */
  @Override
  public Future<Source> afterPoll(Source polled, ParsedFeed feed) {
    String hub = polled.hubUrl();
    if (hub == null || hub.isBlank()) return Future.succeededFuture(polled);
    if (!allowInsecureHubs && !hub.regionMatches(true, 0, "https://", 0, 8)) {
      // The secret that authenticates pushes would travel in the clear, so anyone on the path
      // could forge pushes with it: keep polling instead (WebSub §5.1 advises https for secrets).
      LOG.debug("Not subscribing source {} at plain-http hub {}", polled.id(), hub);
      return Future.succeededFuture(polled);
    }
    return subscriptions
        .of(polled.id())
        .compose(
            current -> {
              Instant now = clock.instant();
              String topic = topic(polled, feed, current);
              if (current != null && !current.needsRequest(hub, topic, now))
                return Future.succeededFuture(current);
              HubSubscription asked =
                  current != null && current.canRenew(hub, topic)
                      ? current.renewed(now)
                      : HubSubscription.request(
                          polled.id(), hub, topic, randomToken(), randomToken(), now);
              return ask(asked).compose(v -> subscriptions.of(polled.id()));
            })
        .map(subscription -> withFallback(polled, subscription))
        .otherwise(
            e -> {
              LOG.warn("WebSub for source {} failed: {}", polled.id(), e.getMessage());
              return polled;
            });
  }

  /** The next poll while a hub pushes: the long fallback, capped at the renewal time. */
  Source withFallback(Source polled, HubSubscription subscription) {
    Instant now = clock.instant();
    if (subscription == null
        || !subscription.hubUrl().equals(polled.hubUrl())
        || !subscription.pushing(now)) return polled;
    Instant next =
        schedule.afterSuccess(now, Math.max(polled.intervalSeconds(), FALLBACK_INTERVAL_SECONDS));
    if (subscription.renewAt().isBefore(next)) next = subscription.renewAt();
    return next.isAfter(polled.nextPoll()) ? polled.withNextPoll(next) : polled;
  }

  /** The topic is the feed's self URL (§4), else the URL Tributary polls. */
  private static String topic(Source polled, ParsedFeed feed, HubSubscription current) {
    if (feed != null && feed.selfUrl() != null && !feed.selfUrl().isBlank()) return feed.selfUrl();
    if (feed == null && current != null) return current.topic();
    return polled.url();
  }

  /**
   * Saves the request first (a hub may verify before it answers), then posts it. A hub that cannot
   * be reached or answers an error leaves the subscription failed with the reason.
   */
  private Future<Void> ask(HubSubscription asked) {
    String form =
        field("hub.mode", "subscribe")
            + "&"
            + field("hub.topic", asked.topic())
            + "&"
            + field("hub.callback", callbackBase + asked.sourceId() + "/" + asked.callbackToken())
            + "&"
            + field("hub.secret", asked.secret())
            + "&"
            + field("hub.lease_seconds", String.valueOf(HubSubscription.REQUESTED_LEASE_SECONDS));
    return subscriptions
        .save(asked)
        .compose(
            saved ->
                saved
                    ? fetcher.fetch(FetchRequest.form(asked.hubUrl(), form))
                    : Future.failedFuture("source " + asked.sourceId() + " was deleted"))
        .map(
            answer -> {
              LOG.info(
                  "Asked hub {} to push {} (source {}): {}",
                  RedactedUrl.of(asked.hubUrl()),
                  RedactedUrl.of(asked.topic()),
                  asked.sourceId(),
                  answer.status());
              return (Void) null;
            })
        .recover(
            e -> {
              LOG.warn(
                  "Hub {} refused or unreachable: {}",
                  RedactedUrl.of(asked.hubUrl()),
                  e.getMessage());
              return subscriptions.save(asked.requestFailed(e.getMessage())).<Void>mapEmpty();
            });
  }

  /** 32 random bytes, base64url: a {@code hub.secret} or a callback token. */
  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
