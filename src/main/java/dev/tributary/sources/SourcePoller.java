package dev.tributary.sources;

import dev.tributary.bus.Addresses;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.sources.parse.FeedParseException;
import dev.tributary.sources.parse.FeedParser;
import dev.tributary.sources.parse.ParsedFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source: a conditional fetch, the feed parsed on a worker, its new entries sent
 * into the pipeline ({@link FeedIngest}), the follow-up ({@link PollFollowUp}: the WebSub
 * subscriber, which may move the next poll out to the fallback interval), and the source's status
 * saved. Never fails: every outcome ends as the source's status.
 */
final class SourcePoller {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  static final String ACCEPT =
      "application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9,"
          + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

  private final Vertx vertx;
  private final Fetcher fetcher;
  private final FeedIngest entries;
  private final PollFollowUp hubs;
  private final FeedParser parser = new FeedParser();
  private final PollSchedule schedule;
  private final Clock clock;
  private final int defaultIntervalSeconds;
  private final TributaryMetrics metrics;

  SourcePoller(
      Vertx vertx,
      Fetcher fetcher,
      PollFollowUp hubs,
      PollSchedule schedule,
      Clock clock,
      int defaultIntervalSeconds,
      TributaryMetrics metrics,
      FeedIngest entries) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.fetcher = fetcher;
    this.entries = entries;
    this.hubs = hubs;
    this.schedule = schedule;
    this.clock = clock;
    this.defaultIntervalSeconds = defaultIntervalSeconds;
  }

  /** Polls the source and saves its new state; the future carries the saved source. */
  Future<Source> poll(Source source) {
    Instant started = clock.instant();
    return fetcher
        .fetch(new FetchRequest(source.url(), source.etag(), source.lastModified(), ACCEPT))
        .compose(result -> handle(source, started, result))
        .recover(failure -> Future.succeededFuture(failed(source, started, failure)))
        .onSuccess(s -> metrics.poll(outcomeOf(s)))
        .compose(this::save);
  }

  /** The poll's outcome for the polls counter: ok, not_modified, error or dead. */
  private static String outcomeOf(Source polled) {
    if (!Source.OK.equals(polled.status())) return polled.status();
    Integer status = polled.lastHttpStatus();
    return status != null && status == 304 ? "not_modified" : "ok";
  }

  private Future<Source> handle(Source source, Instant started, FetchResult result) {
    if (result.status() == 304)
      return hubs.afterPoll(succeeded(source, started, result, null), null);
    return vertx
        .executeBlocking(
            () -> parser.parse(result.body(), result.contentType(), result.finalUrl()), false)
        .compose(
            feed ->
                entries
                    .ingestNew(source.id(), source.url(), feed)
                    .compose(
                        outcome ->
                            hubs.afterPoll(succeeded(source, started, result, feed), feed)
                                .map(polled -> unlessIncomplete(polled, source, outcome))));
  }

  /**
   * A poll whose entries are not all stored (a failure of ours: 503, timeout) did not complete: the
   * validators stay as they were, so the next poll reads the whole feed again instead of a 304, and
   * retries those entries (the stored ones are skipped as known). It is an error, with backoff,
   * because whatever failed (a full disk, a saturated pipeline) needs time.
   */
  private Source unlessIncomplete(Source polled, Source before, FeedIngest.Outcome outcome) {
    if (outcome.complete()) return polled;
    int errors = before.consecutiveErrors() + 1;
    String reason = "not all entries stored, the feed is read again at the next poll: " + outcome;
    LOG.warn("Source {} ({}): {}", before.id(), RedactedUrl.of(before.url()), reason);
    return new Source(
        polled.id(),
        polled.url(),
        polled.title(),
        polled.siteUrl(),
        polled.intervalSeconds(),
        before.etag(),
        before.lastModified(),
        Source.ERROR,
        polled.lastAttempt(),
        before.lastSuccess(),
        polled.lastHttpStatus(),
        errors,
        reason,
        schedule.afterError(clock.instant(), polled.intervalSeconds(), errors, null),
        polled.hubUrl(),
        polled.created(),
        polled.polledBy());
  }

  private Source succeeded(Source s, Instant started, FetchResult result, ParsedFeed feed) {
    int interval = s.intervalSeconds();
    String title = s.title();
    String siteUrl = s.siteUrl();
    String hub = s.hubUrl();
    if (feed != null) {
      Integer fromTtl = PollSchedule.fromTtl(feed.ttlSeconds());
      if (fromTtl != null && interval == defaultIntervalSeconds) interval = fromTtl;
      if ((title == null || title.isBlank()) && feed.title() != null) title = feed.title();
      if (feed.siteUrl() != null) siteUrl = feed.siteUrl();
      hub = feed.hubUrl();
    }
    Instant now = clock.instant();
    return new Source(
        s.id(),
        s.url(),
        title,
        siteUrl,
        interval,
        result.etag() != null ? result.etag() : s.etag(),
        result.lastModified() != null ? result.lastModified() : s.lastModified(),
        Source.OK,
        started,
        now,
        result.status(),
        0,
        null,
        schedule.afterSuccess(now, interval),
        hub,
        s.created(),
        s.polledBy());
  }

  private Source failed(Source s, Instant started, Throwable failure) {
    Integer status = s.lastHttpStatus();
    Duration retryAfter = null;
    String reason;
    if (failure instanceof FetchException fe) {
      reason = fe.reason().name().toLowerCase().replace('_', ' ') + ": " + fe.getMessage();
      if (fe.status() > 0) status = fe.status();
      retryAfter = fe.retryAfter();
    } else if (failure instanceof FeedParseException pe) {
      reason =
          "feed " + pe.reason().name().toLowerCase().replace('_', ' ') + ": " + pe.getMessage();
    } else {
      reason = "failed: " + failure;
    }
    int errors = s.consecutiveErrors() + 1;
    boolean gone = status != null && status == 410;
    Instant now = clock.instant();
    LOG.warn("Source {} ({}) poll failed: {}", s.id(), RedactedUrl.of(s.url()), reason);
    return new Source(
        s.id(),
        s.url(),
        s.title(),
        s.siteUrl(),
        s.intervalSeconds(),
        s.etag(),
        s.lastModified(),
        gone ? Source.DEAD : Source.ERROR,
        started,
        s.lastSuccess(),
        status,
        errors,
        reason,
        schedule.afterError(now, s.intervalSeconds(), errors, retryAfter),
        s.hubUrl(),
        s.created(),
        s.polledBy());
  }

  private Future<Source> save(Source s) {
    return vertx.eventBus().request(Addresses.STORE_UPDATE_SOURCE, s).map(ok -> s);
  }
}
