package dev.tributary.websub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A source's WebSub subscription to the hub its feed advertises (W3C WebSub §5).
 *
 * @param sourceId the source it pushes to; the callback is {@code
 *     <http.publicUrl>/websub/<id>/<callbackToken>}
 * @param hubUrl the hub the subscription was asked of
 * @param topic the {@code hub.topic}: the feed's self URL, else the source URL
 * @param secret the {@code hub.secret} the hub signs pushes with (HMAC, {@code X-Hub-Signature})
 * @param callbackToken the unguessable last segment of the callback URL (32 random bytes,
 *     base64url), so only the hub we asked can verify, deny or push; null for a subscription made
 *     before V5, which is replaced by a new one at the next poll
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
    String callbackToken,
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

  /**
   * The longest lease recorded, whatever a hub grants: the lease we ask for. A longer grant is
   * simply renewed early, so a verification can never park a subscription beyond what we asked.
   */
  public static final int MAX_LEASE_SECONDS = REQUESTED_LEASE_SECONDS;

  /** A request or renewal that got no verification is asked again after this. */
  public static final Duration RETRY_AFTER = Duration.ofHours(1);

  /** A hub that denied the subscription is asked again after this. */
  public static final Duration RETRY_AFTER_DENIAL = Duration.ofHours(24);

  /** A new subscription, just being requested. */
  public static HubSubscription request(
      String sourceId,
      String hubUrl,
      String topic,
      String secret,
      String callbackToken,
      Instant now) {
    return new HubSubscription(
        sourceId, hubUrl, topic, secret, callbackToken, REQUESTED, now, null, null, null);
  }

  /**
   * Whether a callback came to this subscription's secret path (compared in constant time). A
   * subscription from before callback tokens has none and matches nothing.
   */
  public boolean calledBackWith(String token) {
    if (callbackToken == null || token == null) return false;
    return MessageDigest.isEqual(
        callbackToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a request of ours awaits the hub's answer: a new request, or a renewal sent after the
   * current lease began (the lease begins at the verification of the previous request).
   */
  public boolean pending() {
    if (REQUESTED.equals(state)) return true;
    if (!ACTIVE.equals(state) || leaseExpires == null || leaseSeconds == null) return false;
    return requested.isAfter(leaseExpires.minusSeconds(leaseSeconds));
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
    if (!canRenew(hub, topicUrl)) return true;
    return switch (state) {
      case ACTIVE ->
          !now.isBefore(renewAt())
              && (requested.isBefore(renewAt()) || !now.isBefore(requested.plus(RETRY_AFTER)));
      case DENIED -> !now.isBefore(requested.plus(RETRY_AFTER_DENIAL));
      default -> !now.isBefore(requested.plus(RETRY_AFTER));
    };
  }

  /**
   * Whether a request for this hub and topic can renew this subscription (same hub, same topic, and
   * a callback token); otherwise a new subscription with a new secret and token is needed.
   */
  public boolean canRenew(String hub, String topicUrl) {
    return callbackToken != null && hubUrl.equals(hub) && topic.equals(topicUrl);
  }

  /** The same subscription, asked again now (a renewal keeps the secret and, if any, the lease). */
  public HubSubscription renewed(Instant now) {
    String next = ACTIVE.equals(state) ? ACTIVE : REQUESTED;
    return new HubSubscription(
        sourceId,
        hubUrl,
        topic,
        secret,
        callbackToken,
        next,
        now,
        leaseSeconds,
        leaseExpires,
        null);
  }

  /**
   * The hub's intent verification (§5.3): for {@code subscribe} with our topic while requested or
   * active, the subscription made active with the granted lease (at most {@link
   * #MAX_LEASE_SECONDS}); for {@code denied} with our topic while a request of ours is {@link
   * #pending()}, the denial. Empty when the request does not match what this subscriber asked for,
   * which the callback answers with 404. The caller has checked the callback token first.
   */
  public Optional<HubSubscription> verify(
      String mode, String topicUrl, Long grantedSeconds, String reason, Instant now) {
    if (!topic.equals(topicUrl)) return Optional.empty();
    boolean asked = REQUESTED.equals(state) || ACTIVE.equals(state);
    if ("subscribe".equals(mode) && asked) {
      int lease =
          grantedSeconds == null || grantedSeconds <= 0
              ? REQUESTED_LEASE_SECONDS
              : (int) Math.min(grantedSeconds, MAX_LEASE_SECONDS);
      return Optional.of(
          new HubSubscription(
              sourceId,
              hubUrl,
              topic,
              secret,
              callbackToken,
              ACTIVE,
              requested,
              lease,
              now.plusSeconds(lease),
              null));
    }
    if ("denied".equals(mode) && pending()) {
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
        sourceId,
        hubUrl,
        topic,
        secret,
        callbackToken,
        state,
        requested,
        leaseSeconds,
        leaseExpires,
        error);
  }

  /** The same subscription in a failed or denied state. */
  public HubSubscription failed(String failedState, String error) {
    return new HubSubscription(
        sourceId, hubUrl, topic, secret, callbackToken, failedState, requested, null, null, error);
  }
}
