package dev.tributary.sources;

import dev.tributary.sources.parse.BodyCharset;
import dev.tributary.sources.parse.FeedDiscovery;
import dev.tributary.sources.parse.FeedParseException;
import dev.tributary.sources.parse.FeedParser;
import dev.tributary.sources.parse.FeedSniffer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Finds the feed to subscribe to for a URL a user gives: the URL itself when it serves a feed, else
 * the first feed its page links to ({@link FeedDiscovery}). Everything that reads the body — the
 * feed parse, the page's decoding and its jsoup parse (up to {@code fetch.maxBytes}) — runs on a
 * worker, never on the event loop that answers the request.
 *
 * <p>A body that is neither a feed nor a page linking to one is refused with the parser's own
 * reason when it has one (hostile XML with DOCTYPE or entity declarations, a broken feed, an
 * unknown encoding), so the user learns why, not only that no feed was found.
 */
public final class FeedFinder {
  static final String ACCEPT =
      "application/atom+xml, application/rss+xml, application/feed+json, text/html;q=0.8,"
          + " */*;q=0.5";

  private final Vertx vertx;
  private final Fetcher fetcher;
  private final FeedParser parser = new FeedParser();

  public FeedFinder(Vertx vertx, Fetcher fetcher) {
    this.vertx = vertx;
    this.fetcher = fetcher;
  }

  /**
   * The URL of the feed to subscribe to. Fails with a {@link FetchException} when the URL cannot be
   * fetched, and with a {@link FeedParseException} saying why when there is no feed.
   */
  public Future<String> find(String url) {
    return find(url, true);
  }

  /** What a fetched body turned out to be: a feed (at {@code url}), or a page linking to one. */
  private record Finding(String feedUrl, String linkedFeed) {}

  private Future<String> find(String url, boolean mayDiscover) {
    return fetcher
        .fetch(new FetchRequest(url, null, null, ACCEPT))
        .compose(result -> vertx.executeBlocking(() -> examine(url, result, mayDiscover), false))
        .compose(
            found ->
                found.feedUrl() != null
                    ? Future.succeededFuture(found.feedUrl())
                    : find(found.linkedFeed(), false));
  }

  /** Blocking: parses the body as a feed, or as a page whose links name one. */
  private Finding examine(String url, FetchResult result, boolean mayDiscover)
      throws FeedParseException {
    if (FeedSniffer.looksLikeFeed(result.body(), result.contentType())) {
      parser.parse(result.body(), result.contentType(), result.finalUrl());
      return new Finding(url, null);
    }
    if (mayDiscover) {
      List<String> linked =
          FeedDiscovery.discover(
              BodyCharset.decodeHtml(result.body(), result.contentType()), result.finalUrl());
      if (!linked.isEmpty()) return new Finding(null, linked.get(0));
    }
    try {
      // neither sniffed as a feed nor linking to one: the parser knows best what it is
      parser.parse(result.body(), result.contentType(), result.finalUrl());
      return new Finding(url, null);
    } catch (FeedParseException e) {
      if (e.reason() != FeedParseException.Reason.NOT_A_FEED) throw e;
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "no feed at " + url + " and the page links to none",
          e);
    }
  }
}
