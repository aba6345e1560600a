package dev.tributary.sources;

import dev.tributary.article.ArticleIds;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.extract.web.ContentLinks;
import dev.tributary.ingest.Format;
import dev.tributary.ingest.RawDocument;
import dev.tributary.sources.parse.FeedItem;
import dev.tributary.sources.parse.FeedParseException;
import dev.tributary.sources.parse.FeedParser;
import dev.tributary.sources.parse.ParsedFeed;
import dev.tributary.store.Source;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source: a conditional fetch, the feed parsed on a worker, its new entries sent
 * into the pipeline, and the source's status saved. Never fails: every outcome ends as the source's
 * status.
 */
final class SourcePoller {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  static final String ACCEPT =
      "application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9,"
          + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
  static final int MAX_NEW_ENTRIES_PER_POLL = 200;

  private final Vertx vertx;
  private final Fetcher fetcher;
  private final FeedParser parser = new FeedParser();
  private final PollSchedule schedule;
  private final Clock clock;
  private final int defaultIntervalSeconds;

  SourcePoller(
      Vertx vertx,
      Fetcher fetcher,
      PollSchedule schedule,
      Clock clock,
      int defaultIntervalSeconds) {
    this.vertx = vertx;
    this.fetcher = fetcher;
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
        .compose(this::save);
  }

  private Future<Source> handle(Source source, Instant started, FetchResult result) {
    if (result.status() == 304)
      return Future.succeededFuture(succeeded(source, started, result, null));
    return vertx
        .executeBlocking(
            () -> parser.parse(result.body(), result.contentType(), result.finalUrl()), false)
        .compose(
            feed -> ingestNew(source, feed).map(n -> succeeded(source, started, result, feed)));
  }

  private Future<Integer> ingestNew(Source source, ParsedFeed feed) {
    Map<String, FeedItem> byId = new HashMap<>();
    for (FeedItem item : feed.items())
      byId.putIfAbsent(ArticleIds.forGuid(source.id(), item.identity()), item);
    if (byId.isEmpty()) return Future.succeededFuture(0);
    SourceRef ref =
        new SourceRef(
            source.id(),
            feed.title() != null && !feed.title().isBlank() ? feed.title() : source.url());
    return vertx
        .eventBus()
        .<JsonArray>request(
            Addresses.STORE_EXISTING_IDS, new JsonArray(new ArrayList<>(byId.keySet())))
        .compose(
            known -> {
              known.body().forEach(byId::remove);
              List<Future<?>> sent = new ArrayList<>();
              byId.values().stream()
                  .limit(MAX_NEW_ENTRIES_PER_POLL)
                  .forEach(item -> sent.add(ingest(ref, item, source.url())));
              return Future.join(sent).map(all -> sent.size()).otherwise(sent.size());
            });
  }

  private Future<?> ingest(SourceRef ref, FeedItem item, String feedUrl) {
    String body =
        item.contentHtml() != null && !item.contentHtml().isBlank()
            ? ContentLinks.absolute(item.contentHtml(), item.url() != null ? item.url() : feedUrl)
            : item.title();
    RawDocument doc =
        new RawDocument(
            ref.title(),
            Format.HTML,
            body == null ? "" : body,
            ref,
            item.title(),
            item.url(),
            item.identity(),
            item.published(),
            item.author(),
            item.categories());
    return vertx
        .eventBus()
        .request(Addresses.INGEST, doc)
        .onFailure(
            e ->
                LOG.debug(
                    "Entry {} of {} not ingested: {}", item.identity(), ref.id(), e.getMessage()));
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
        s.created());
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
    LOG.warn("Source {} ({}) poll failed: {}", s.id(), s.url(), reason);
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
        s.created());
  }

  private Future<Source> save(Source s) {
    return vertx.eventBus().request(Addresses.STORE_UPDATE_SOURCE, s).map(ok -> s);
  }
}
