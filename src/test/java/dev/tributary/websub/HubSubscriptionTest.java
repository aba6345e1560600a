package dev.tributary.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.sources.PollSchedule;
import dev.tributary.sources.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The subscription's life: verification, renewal, retries, and the fallback poll it implies. */
class HubSubscriptionTest {
  static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  static final String HUB = "https://hub.example/";
  static final String TOPIC = "https://clinic.example/feed.xml";

  static HubSubscription requested() {
    return HubSubscription.request("s1", HUB, TOPIC, "secret", "token", NOW);
  }

  static HubSubscription active(int leaseSeconds) {
    return requested().verify("subscribe", TOPIC, (long) leaseSeconds, null, NOW).orElseThrow();
  }

  @Test
  void verificationMatchesOnlyOurTopicAndMode() {
    assertTrue(requested().verify("subscribe", "https://evil.example/", 60L, null, NOW).isEmpty());
    assertTrue(requested().verify("unsubscribe", TOPIC, 60L, null, NOW).isEmpty());
    HubSubscription verified = active(3600);
    assertEquals(HubSubscription.ACTIVE, verified.state());
    assertEquals(NOW.plusSeconds(3600), verified.leaseExpires());
    assertTrue(verified.pushing(NOW));
    assertFalse(verified.pushing(NOW.plusSeconds(3600)), "a lease that ended does not push");
    HubSubscription denied =
        requested().verify("denied", TOPIC, null, "no thanks", NOW).orElseThrow();
    assertEquals(HubSubscription.DENIED, denied.state());
    assertTrue(
        denied.verify("subscribe", TOPIC, 60L, null, NOW).isEmpty(), "not asked since denial");
  }

  @Test
  void aGrantedLeaseIsCappedAtTheLeaseWeAskedFor() {
    HubSubscription verified =
        requested().verify("subscribe", TOPIC, 10L * 365 * 24 * 3600, null, NOW).orElseThrow();
    assertEquals(HubSubscription.MAX_LEASE_SECONDS, verified.leaseSeconds());
    assertEquals(NOW.plusSeconds(HubSubscription.MAX_LEASE_SECONDS), verified.leaseExpires());
  }

  @Test
  void aDenialCountsOnlyWhileARequestOfOursIsPending() {
    HubSubscription verified = active(10_000);
    assertTrue(
        verified.verify("denied", TOPIC, null, "forged", NOW.plusSeconds(10)).isEmpty(),
        "an active subscription with no request outstanding cannot be denied");
    HubSubscription renewing = verified.renewed(NOW.plusSeconds(9_000));
    assertEquals(
        HubSubscription.DENIED,
        renewing.verify("denied", TOPIC, null, "no", NOW.plusSeconds(9_001)).orElseThrow().state());
    HubSubscription renewed =
        renewing.verify("subscribe", TOPIC, 10_000L, null, NOW.plusSeconds(9_001)).orElseThrow();
    assertFalse(renewed.pending(), "the renewal was verified");
  }

  @Test
  void theCallbackTokenMustMatchExactly() {
    assertTrue(requested().calledBackWith("token"));
    assertFalse(requested().calledBackWith("token2"));
    assertFalse(requested().calledBackWith("tokeN"));
    assertFalse(requested().calledBackWith(null));
    HubSubscription old =
        new HubSubscription(
            "s1", HUB, TOPIC, "secret", null, HubSubscription.ACTIVE, NOW, 3600, NOW, null);
    assertFalse(old.calledBackWith("token"), "a subscription from before tokens matches none");
    assertTrue(old.needsRequest(HUB, TOPIC, NOW), "and is replaced by a new one at once");
    assertFalse(old.canRenew(HUB, TOPIC));
  }

  @Test
  void aLeaseIsRenewedATenthBeforeItEndsAndRequestsAreRetried() {
    HubSubscription verified = active(10_000);
    assertEquals(NOW.plusSeconds(9_000), verified.renewAt());
    assertFalse(verified.needsRequest(HUB, TOPIC, NOW.plusSeconds(8_999)));
    assertTrue(verified.needsRequest(HUB, TOPIC, NOW.plusSeconds(9_000)));
    HubSubscription renewing = verified.renewed(NOW.plusSeconds(9_000));
    assertTrue(renewing.pushing(NOW.plusSeconds(9_000)), "still pushing while renewing");
    assertFalse(renewing.needsRequest(HUB, TOPIC, NOW.plusSeconds(9_500)));
    assertTrue(verified.needsRequest("https://other-hub.example/", TOPIC, NOW), "hub changed");
    assertTrue(verified.needsRequest(HUB, "https://clinic.example/new", NOW), "topic changed");
    assertFalse(requested().needsRequest(HUB, TOPIC, NOW.plus(Duration.ofMinutes(59))));
    assertTrue(requested().needsRequest(HUB, TOPIC, NOW.plus(HubSubscription.RETRY_AFTER)));
    HubSubscription failed = requested().requestFailed("connect: refused");
    assertEquals(HubSubscription.FAILED, failed.state());
    assertEquals(HubSubscription.ACTIVE, verified.requestFailed("timeout").state());
  }

  @Test
  void whileTheHubPushesTheNextPollIsTheLongFallbackCappedAtRenewal() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    HubSubscriber subscriber =
        new HubSubscriber(
            null, null, new PollSchedule(new Random(1)), clock, "https://t.example", false);
    Source polled =
        new Source(
            "s1",
            TOPIC,
            "Clinic",
            null,
            3600,
            null,
            null,
            Source.OK,
            NOW,
            NOW,
            200,
            0,
            null,
            NOW.plusSeconds(3600),
            HUB,
            NOW,
            null);
    Instant next = subscriber.withFallback(polled, active(7 * 24 * 3600)).nextPoll();
    assertTrue(next.isAfter(NOW.plus(Duration.ofHours(5))), next.toString());
    assertTrue(next.isBefore(NOW.plus(Duration.ofHours(7))), next.toString());
    Instant capped = subscriber.withFallback(polled, active(4 * 3600)).nextPoll();
    assertEquals(active(4 * 3600).renewAt(), capped, "renewed before the lease ends");
    assertEquals(polled, subscriber.withFallback(polled, requested()), "not verified: as polled");
    assertEquals(polled, subscriber.withFallback(polled, null));
  }
}
