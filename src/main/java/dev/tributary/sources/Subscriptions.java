package dev.tributary.sources;

import dev.tributary.bus.Addresses;
import dev.tributary.sources.parse.Opml;
import dev.tributary.sources.parse.OpmlOutline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user does with sources, apart from HTTP: subscribe to a URL (checked before any request,
 * then the feed itself or the one its page links to, through {@link FeedFinder}), import and export
 * OPML, list and delete. Sources are kept by the store verticle; a new one is announced on {@code
 * tributary.source.added} so the scheduler polls it at once. Refusals are failed futures whose
 * {@link ReplyException} code is the HTTP status to answer (400 for what the user can correct, 422
 * for a URL that holds no feed), as for any event-bus failure.
 */
public final class Subscriptions {
  private static final int BAD_REQUEST = 400;
  private static final int MIN_INTERVAL_SECONDS = 60;
  private static final int MAX_INTERVAL_SECONDS = 24 * 3600;

  private final Vertx vertx;
  private final FeedFinder feeds;
  private final Clock clock;
  private final int defaultIntervalSeconds;
  private final boolean allowPrivateAddresses;

  /** A subscription as stored, and whether this request created it. */
  public record Subscribed(Source source, boolean created) {}

  /** An OPML URL that was not subscribed, and why. */
  public record Refused(String url, String reason) {}

  /** An OPML import: sources created, those already there, and the outlines refused. */
  public record Imported(long created, long alreadySubscribed, List<Refused> refused) {}

  /**
   * @param allowPrivateAddresses {@code fetch.allowPrivateAddresses}
   */
  public Subscriptions(
      Vertx vertx,
      Fetcher fetcher,
      Clock clock,
      int defaultIntervalSeconds,
      boolean allowPrivateAddresses) {
    this.vertx = vertx;
    this.feeds = new FeedFinder(vertx, fetcher);
    this.clock = clock;
    this.defaultIntervalSeconds = defaultIntervalSeconds;
    this.allowPrivateAddresses = allowPrivateAddresses;
  }

  /**
   * Subscribes to the feed at {@code url}, or the one its page links to.
   *
   * @param intervalSeconds the polling interval asked for; null for {@code poll.defaultInterval}
   */
  public Future<Subscribed> subscribe(String url, String title, Integer intervalSeconds) {
    int interval = intervalSeconds == null ? defaultIntervalSeconds : intervalSeconds;
    if (interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) {
      return refused(BAD_REQUEST, "intervalSeconds: must be between 60 and 86400");
    }
    String refusal = AddressGuard.refusalBeforeFetch(url, allowPrivateAddresses).orElse(null);
    if (refusal != null) return refused(BAD_REQUEST, "url: " + refusal);
    return feeds
        .find(url)
        .recover(e -> Future.failedFuture(FetchException.asRefusal(e)))
        .compose(feedUrl -> store(feedUrl, title, interval))
        .onSuccess(
            stored -> {
              if (stored.created())
                vertx.eventBus().publish(Addresses.SOURCE_ADDED, stored.source().id());
            });
  }

  /**
   * Subscribes to every outline of an OPML document (at the default interval) whose URL passes the
   * check; OPML is not fetched, so a feed that is gone shows in its polls. Parsing and checking run
   * on a worker. Fails with 400 when the body is no OPML.
   */
  public Future<Imported> importOpml(byte[] body) {
    return vertx
        .executeBlocking(() -> readOpml(body), false)
        .recover(e -> refused(BAD_REQUEST, "not an OPML document: " + e.getMessage()))
        .compose(this::subscribeAll);
  }

  /** The OPML document of every source, titled {@code title}. */
  public Future<String> exportOpml(String title) {
    return all()
        .map(
            sources -> {
              List<OpmlOutline> outlines = new ArrayList<>();
              for (Source s : sources.items()) {
                outlines.add(
                    new OpmlOutline(s.title() == null ? s.url() : s.title(), s.url(), s.siteUrl()));
              }
              return Opml.write(title, outlines);
            });
  }

  public Future<Sources> all() {
    return vertx
        .eventBus()
        .<Sources>request(Addresses.STORE_SOURCES, null)
        .map(reply -> reply.body());
  }

  /** Deletes the source; false when there was none with that id. */
  public Future<Boolean> delete(String id) {
    return vertx
        .eventBus()
        .<Boolean>request(Addresses.STORE_DELETE_SOURCE, id)
        .map(reply -> reply.body());
  }

  private record OpmlRead(List<OpmlOutline> accepted, List<Refused> refused) {}

  private OpmlRead readOpml(byte[] body) throws Exception {
    List<OpmlOutline> accepted = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (OpmlOutline o : Opml.parse(body)) {
      String refusal =
          o.xmlUrl() == null
              ? "no xmlUrl"
              : AddressGuard.refusalBeforeFetch(o.xmlUrl(), allowPrivateAddresses).orElse(null);
      if (refusal == null) accepted.add(o);
      else refused.add(new Refused(o.xmlUrl(), refusal));
    }
    return new OpmlRead(accepted, refused);
  }

  private Future<Imported> subscribeAll(OpmlRead read) {
    List<Future<Subscribed>> added = new ArrayList<>();
    for (OpmlOutline o : read.accepted()) {
      added.add(store(o.xmlUrl(), o.title(), defaultIntervalSeconds));
    }
    return Future.all(added)
        .map(
            all -> {
              long created = added.stream().filter(f -> f.result().created()).count();
              if (created > 0) vertx.eventBus().publish(Addresses.SOURCE_ADDED, "opml");
              return new Imported(created, added.size() - created, read.refused());
            });
  }

  private Future<Subscribed> store(String feedUrl, String title, int interval) {
    Source source =
        Source.subscribe(SourceIds.of(feedUrl), feedUrl, title, interval, clock.instant());
    return vertx
        .eventBus()
        .<Source>request(Addresses.STORE_ADD_SOURCE, source)
        .map(
            reply -> new Subscribed(reply.body(), reply.body().created().equals(source.created())));
  }

  private static <T> Future<T> refused(int status, String message) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status, message));
  }
}
