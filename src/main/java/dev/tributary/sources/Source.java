package dev.tributary.sources;

import java.time.Instant;

/**
 * A subscribed feed and its polling state.
 *
 * @param id stable id derived from the URL
 * @param status {@code new} (never polled), {@code ok}, {@code error} (failing, backing off) or
 *     {@code dead} (gone: 410, no longer polled)
 * @param intervalSeconds the polling interval in force (from the request, the feed's ttl or the
 *     default)
 * @param consecutiveErrors failed polls since the last success; drives the backoff
 * @param polledBy the instance ({@code cluster.memberName}) that claimed its latest poll, null
 *     before the first; kept by the store's claim, not by {@code updateSource}
 */
public record Source(
    String id,
    String url,
    String title,
    String siteUrl,
    int intervalSeconds,
    String etag,
    String lastModified,
    String status,
    Instant lastAttempt,
    Instant lastSuccess,
    Integer lastHttpStatus,
    int consecutiveErrors,
    String lastError,
    Instant nextPoll,
    String hubUrl,
    Instant created,
    String polledBy) {

  public static final String NEW = "new";
  public static final String OK = "ok";
  public static final String ERROR = "error";
  public static final String DEAD = "dead";

  /** The same source, next polled at {@code when}. */
  public Source withNextPoll(Instant when) {
    return new Source(
        id,
        url,
        title,
        siteUrl,
        intervalSeconds,
        etag,
        lastModified,
        status,
        lastAttempt,
        lastSuccess,
        lastHttpStatus,
        consecutiveErrors,
        lastError,
        when,
        hubUrl,
        created,
        polledBy);
  }

  /** A new subscription, due for its first poll now. */
  public static Source subscribe(
      String id, String url, String title, int intervalSeconds, Instant now) {
    return new Source(
        id,
        url,
        title,
        null,
        intervalSeconds,
        null,
        null,
        NEW,
        null,
        null,
        null,
        0,
        null,
        now,
        null,
        now,
        null);
  }
}
