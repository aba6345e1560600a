package dev.tributary.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll a source next: its interval with ±10 % jitter after a success (so sources added
 * together drift apart); after failures, the interval doubled per consecutive error, capped at 24
 * h; never before a server's Retry-After, which is honoured up to that same 24 h cap (a server
 * asking for {@code Retry-After: 9999999999} would otherwise park the source for centuries). A
 * feed's own ttl sets the interval within bounds unless the subscriber chose one.
 */
public final class PollSchedule {
  public static final Duration MAX_BACKOFF = Duration.ofHours(24);
  public static final int MIN_INTERVAL_SECONDS = 60;
  public static final int MAX_INTERVAL_SECONDS = 24 * 3600;
  static final double JITTER = 0.10;

  private final RandomGenerator random;

  public PollSchedule(RandomGenerator random) {
    this.random = random;
  }

  public Instant afterSuccess(Instant now, int intervalSeconds) {
    return now.plusMillis(jittered(intervalSeconds * 1000L));
  }

  public Instant afterError(
      Instant now, int intervalSeconds, int consecutiveErrors, Duration retryAfter) {
    double factor = Math.pow(2, Math.min(consecutiveErrors, 20));
    long backoff = (long) Math.min(intervalSeconds * 1000L * factor, MAX_BACKOFF.toMillis());
    Instant next = now.plusMillis(jittered(backoff));
    if (retryAfter != null) {
      Instant asked = now.plus(min(retryAfter, MAX_BACKOFF));
      if (asked.isAfter(next)) next = asked;
    }
    return next;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The interval a feed's ttl asks for, kept within [1 min, 24 h]; null when it says none. */
  public static Integer fromTtl(Integer ttlSeconds) {
    if (ttlSeconds == null || ttlSeconds <= 0) return null;
    return Math.max(MIN_INTERVAL_SECONDS, Math.min(MAX_INTERVAL_SECONDS, ttlSeconds));
  }

  private long jittered(long millis) {
    double spread = (random.nextDouble() * 2 - 1) * JITTER;
    return Math.max(1000, (long) (millis * (1 + spread)));
  }
}
