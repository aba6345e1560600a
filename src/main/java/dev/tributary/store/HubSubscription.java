package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A source's WebSub subscription to the hub its feed advertises (W3C WebSub §5).
 *
 * @param sourceId the source it pushes to; the callback is {@code <http.publicUrl>/websub/<id>}
 * @param hubUrl the hub the subscription was asked of
 * @param topic the {@code hub.topic}: the feed's self URL, else the source URL
 * @param secret the {@code hub.secret} the hub signs pushes with (HMAC, {@code X-Hub-Signature})
 * @param state {@code requested} (sent, not verified yet), {@code active} (verified), {@code
 *     denied} (the hub refused) or {@code failed} (the hub could not be asked)
 * @param requested when the last subscription request (or renewal) was sent
 * @param leaseSeconds the lease the hub granted at verification; null before
 * @param leaseExpires when that lease ends; null before verification
 * @param lastError why the last request failed or was denied; null otherwise
 */
public record HubSubscription(
    String sourceId,
    String hubUrl,
    String topic,
    String secret,
    String state,
    Instant requested,
    Integer leaseSeconds,
    Instant leaseExpires,
    String lastError) {

  public static final String REQUESTED = "requested";
  public static final String ACTIVE = "active";
  public static final String DENIED = "denied";
  public static final String FAILED = "failed";

  /** The lease asked for ({@code hub.lease_seconds}), and assumed when a hub grants none. */
  public static final int REQUESTED_LEASE_SECONDS = 7 * 24 * 3600;

  /** A request or renewal that got no verification is asked again after this. */
  public static final Duration RETRY_AFTER = Duration.ofHours(1);

  /** A hub that denied the subscription is asked again after this. */
  public static final Duration RETRY_AFTER_DENIAL = Duration.ofHours(24);

  /** A new subscription, just being requested. */
  public static HubSubscription request(
      String sourceId, String hubUrl, String topic, String secret, Instant now) {
    return new HubSubscription(sourceId, hubUrl, topic, secret, REQUESTED, now, null, null, null);
  }

  /** Verified and its lease not over: the hub pushes, polling is only a fallback. */
  public boolean pushing(Instant now) {
    return ACTIVE.equals(state) && leaseExpires != null && now.isBefore(leaseExpires);
  }

  /** When to renew: a tenth of the lease (at least a minute) before it ends. */
  public Instant renewAt() {
    if (leaseExpires == null || leaseSeconds == null) return requested;
    return leaseExpires.minusSeconds(Math.max(60, leaseSeconds / 10));
  }

  /** Whether a subscription request should be sent now for this hub and topic. */
  public boolean needsRequest(String hub, String topicUrl, Instant now) {
    if (!hubUrl.equals(hub) || !topic.equals(topicUrl)) return true;
    return switch (state) {
      case ACTIVE ->
          !now.isBefore(renewAt())
              && (requested.isBefore(renewAt()) || !now.isBefore(requested.plus(RETRY_AFTER)));
      case DENIED -> !now.isBefore(requested.plus(RETRY_AFTER_DENIAL));
      default -> !now.isBefore(requested.plus(RETRY_AFTER));
    };
  }

  /** The same subscription, asked again now (a renewal keeps the secret and, if any, the lease). */
  public HubSubscription renewed(Instant now) {
    String next = ACTIVE.equals(state) ? ACTIVE : REQUESTED;
    return new HubSubscription(
        sourceId, hubUrl, topic, secret, next, now, leaseSeconds, leaseExpires, null);
  }

  /**
   * The hub's intent verification (§5.3): for {@code subscribe} with our topic, the subscription
   * made active with the granted lease; for {@code denied} with our topic, the denial. Empty when
   * the request does not match what this subscriber asked for, which the callback answers with 404.
   */
  public Optional<HubSubscription> verify(
      String mode, String topicUrl, Long grantedSeconds, String reason, Instant now) {
    if (!topic.equals(topicUrl)) return Optional.empty();
    boolean asked = REQUESTED.equals(state) || ACTIVE.equals(state);
    if ("subscribe".equals(mode) && asked) {
      int lease =
          grantedSeconds == null || grantedSeconds <= 0
              ? REQUESTED_LEASE_SECONDS
              : (int) Math.min(grantedSeconds, Integer.MAX_VALUE);
      return Optional.of(
          new HubSubscription(
              sourceId,
              hubUrl,
              topic,
              secret,
              ACTIVE,
              requested,
              lease,
              now.plusSeconds(lease),
              null));
    }
    if ("denied".equals(mode) && asked) {
      return Optional.of(failed(DENIED, reason == null ? "denied by the hub" : reason));
    }
    return Optional.empty();
  }

  /**
   * The hub could not be asked (unreachable, refused the request): a renewal keeps its lease until
   * it ends; a new request becomes {@code failed}. Either is asked again after {@link
   * #RETRY_AFTER}.
   */
  public HubSubscription requestFailed(String error) {
    if (!ACTIVE.equals(state)) return failed(FAILED, error);
    return new HubSubscription(
        sourceId, hubUrl, topic, secret, state, requested, leaseSeconds, leaseExpires, error);
  }

  /** The same subscription in a failed or denied state. */
  public HubSubscription failed(String failedState, String error) {
    return new HubSubscription(
        sourceId, hubUrl, topic, secret, failedState, requested, null, null, error);
  }
}
