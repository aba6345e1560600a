package dev.tributary.sources;

import dev.tributary.article.ArticleIds;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGate;
import dev.tributary.extract.web.ContentLinks;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.sources.parse.FeedItem;
import dev.tributary.sources.parse.ParsedFeed;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every new entry of a parsed feed into the pipeline — those whose article ids the store does
 * not know yet, however many — each as a {@code RawDocument} to {@code tributary.pipeline} through
 * the input's {@link IngestGate}. Shared by polling ({@link SourcePoller}, gate {@code feed}) and
 * WebSub pushes (gate {@code websub}), so an entry that arrives both ways is one article.
 *
 * <p>One feed has at most {@link #WINDOW} entries in its gate at a time (waiting or in flight); the
 * next is submitted as one finishes. So a 5,000-entry feed flows at the pipeline's rate instead of
 * flooding it, and a gate sized {@code feeds at once × WINDOW} never refuses a poll's entries.
 *
 * <p>Each entry's outcome is counted in the {@link Outcome}: stored (new or duplicate), refused as
 * bad input (a 4xx from the pipeline: logged at WARN with the reason and counted as {@code
 * feed_entry_refused}; retrying would not help), or failed for a reason of ours (5xx, including 503
 * saturated or disk full, a bus timeout, a full gate): those are worth retrying, so the caller must
 * not treat the feed as done. After the first such failure the entries not yet sent are not sent
 * (they count as to retry): the next read of the feed retries them all, skipping what was stored.
 */
public final class FeedIngest {
  private static final Logger LOG = LoggerFactory.getLogger(FeedIngest.class);

  /** Entries of one feed in its gate at once. */
  public static final int WINDOW = 8;

  /** Entries of one input in the pipeline at once. */
  public static final int PERMITS = 8;

  /**
   * WebSub pushes ingesting at once before the {@code websub} gate refuses entries (which the
   * fallback poll then finds: the feed changed, so its validators do not match).
   */
  public static final int PUSHES_AT_ONCE = 16;

  /** The metrics reason of an entry the pipeline refused as bad input. */
  public static final String REFUSED = "feed_entry_refused";

  private final Vertx vertx;
  private final IngestGate gate;
  private final DeliveryOptions requests;
  private final TributaryMetrics metrics;

  /**
   * @param gate the input's gate ({@code feed} or {@code websub}), one per instance
   * @param requests the pipeline's request options (their timeout covers the gated queue)
   */
  public FeedIngest(
      Vertx vertx, IngestGate gate, DeliveryOptions requests, TributaryMetrics metrics) {
    this.requests = requests;
    this.vertx = vertx;
    this.gate = gate;
    this.metrics = metrics;
  }

  /**
   * A gate for one feed input: {@link #PERMITS} in flight, and room in its queue for the windows of
   * {@code feedsAtOnce} feeds ingesting at the same time.
   */
  public static IngestGate gate(String input, int feedsAtOnce) {
    return new IngestGate(input, PERMITS, Math.max(1, feedsAtOnce) * WINDOW);
  }

  /**
   * What became of a feed's new entries.
   *
   * @param entries new entries (not stored before)
   * @param stored entries the pipeline stored (or found stored already)
   * @param refused entries refused as bad input: permanent, they do not hold the feed back
   * @param toRetry entries that failed for a reason of ours: the feed must be read again
   * @param retryReason the first of those failures, or null
   */
  public record Outcome(int entries, int stored, int refused, int toRetry, String retryReason) {
    static final Outcome NONE = new Outcome(0, 0, 0, 0, null);

    /** Whether every entry is stored or refused for good: the feed's validators may advance. */
    public boolean complete() {
      return toRetry == 0;
    }

    @Override
    public String toString() {
      String text = entries + " new entries: " + stored + " stored, " + refused + " refused";
      return toRetry == 0 ? text : text + ", " + toRetry + " to retry (" + retryReason + ")";
    }
  }

  /**
   * Ingests the feed's new entries for this source. Never fails for an entry's sake: each entry's
   * failure is in the outcome; fails only when the store cannot say which entries are new.
   *
   * @param fallbackTitle the source's name when the feed has no title (its URL)
   */
  public Future<Outcome> ingestNew(String sourceId, String fallbackTitle, ParsedFeed feed) {
    Map<String, FeedItem> byId = new LinkedHashMap<>();
    for (FeedItem item : feed.items())
      byId.putIfAbsent(ArticleIds.forGuid(sourceId, item.identity()), item);
    if (byId.isEmpty()) return Future.succeededFuture(Outcome.NONE);
    SourceRef ref =
        new SourceRef(
            sourceId,
            feed.title() != null && !feed.title().isBlank() ? feed.title() : fallbackTitle);
    return vertx
        .eventBus()
        .<JsonArray>request(
            Addresses.STORE_EXISTING_IDS, new JsonArray(new ArrayList<>(byId.keySet())))
        .compose(
            known -> {
              known.body().forEach(byId::remove);
              return new Run(ref, feed.selfUrl(), new ArrayList<>(byId.values())).start();
            });
  }

  /** One feed's new entries, fed to the gate at most {@link #WINDOW} at a time. */
  private final class Run {
    private final SourceRef ref;
    private final String feedUrl;
    private final int total;
    private final Iterator<FeedItem> next;
    private final Promise<Outcome> done = Promise.promise();
    private int running;
    private int stored;
    private int refused;
    private int toRetry;
    private String retryReason;

    Run(SourceRef ref, String feedUrl, List<FeedItem> items) {
      this.ref = ref;
      this.feedUrl = feedUrl;
      this.total = items.size();
      this.next = items.iterator();
    }

    Future<Outcome> start() {
      if (total == 0) return Future.succeededFuture(Outcome.NONE);
      while (running < WINDOW && next.hasNext()) submit(next.next());
      return done.future();
    }

    private void submit(FeedItem item) {
      running++;
      gate.submit(() -> send(item)).onComplete(outcome -> finished(item, outcome.cause()));
    }

    /** Runs on the context that started the run (the gate and the bus call back there). */
    private void finished(FeedItem item, Throwable failure) {
      running--;
      if (failure == null) stored++;
      else if (retryable(failure)) {
        toRetry++;
        if (retryReason == null) retryReason = String.valueOf(failure.getMessage());
      } else {
        refused++;
        metrics.failure(REFUSED);
        LOG.warn(
            "Entry {} of source {} refused: {}",
            RedactedUrl.of(item.identity()),
            ref.id(),
            failure.getMessage());
      }
      if (retryReason != null) skipRest();
      else if (next.hasNext()) submit(next.next());
      if (running == 0) done.complete(new Outcome(total, stored, refused, toRetry, retryReason));
    }

    /**
     * After a failure of ours the feed is read again anyway, so the entries not yet sent wait for
     * that instead of meeting the same trouble (a full disk, a saturated pipeline) one by one.
     */
    private void skipRest() {
      while (next.hasNext()) {
        next.next();
        toRetry++;
      }
    }

    /** Links made absolute on a worker (a jsoup parse per entry), then the pipeline. */
    private Future<Object> send(FeedItem item) {
      return vertx
          .executeBlocking(() -> document(ref, item, feedUrl), false)
          .recover(e -> Future.failedFuture(badEntry(e)))
          .compose(doc -> vertx.eventBus().request(Addresses.PIPELINE, doc, requests))
          .map(reply -> reply.body());
    }
  }

  /**
   * Whether a failure is ours and worth retrying: a pipeline failure of 5xx (503 saturated or disk
   * full, 500), a bus timeout or missing handler, a full gate. A 4xx is the entry's own fault.
   */
  static boolean retryable(Throwable failure) {
    if (failure instanceof ReplyException reply)
      return reply.failureType() != ReplyFailure.RECIPIENT_FAILURE || Failures.codeOf(reply) >= 500;
    return true;
  }

  /** An entry this code cannot turn into a document will not improve on a retry: bad input. */
  private static ReplyException badEntry(Throwable e) {
    return new ReplyException(
        ReplyFailure.RECIPIENT_FAILURE, Failures.BAD_INPUT, "unreadable entry: " + e);
  }

  /** Relative links and images in the entry are made absolute before sanitising drops them. */
  static RawDocument document(SourceRef ref, FeedItem item, String feedUrl) {
    String body =
        item.contentHtml() != null && !item.contentHtml().isBlank()
            ? ContentLinks.absolute(item.contentHtml(), item.url() != null ? item.url() : feedUrl)
            : item.title();
    return new RawDocument(
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
  }
}
