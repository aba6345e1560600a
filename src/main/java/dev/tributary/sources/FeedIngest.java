package dev.tributary.sources;

import dev.tributary.article.ArticleIds;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.extract.web.ContentLinks;
import dev.tributary.ingest.Format;
import dev.tributary.ingest.RawDocument;
import dev.tributary.sources.parse.FeedItem;
import dev.tributary.sources.parse.ParsedFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a parsed feed's new entries into the pipeline: those whose article ids the store does not
 * know yet, at most {@link #MAX_NEW_ENTRIES} at a time, each as a {@code RawDocument} to {@code
 * tributary.ingest}. Shared by polling ({@link SourcePoller}) and WebSub pushes, so an entry that
 * arrives both ways is one article.
 */
public final class FeedIngest {
  private static final Logger LOG = LoggerFactory.getLogger(FeedIngest.class);
  public static final int MAX_NEW_ENTRIES = 200;

  private final Vertx vertx;

  public FeedIngest(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Ingests the feed's new entries for this source; the future carries how many were sent (each
   * entry's own failure is logged, not propagated).
   *
   * @param fallbackTitle the source's name when the feed has no title (its URL)
   */
  public Future<Integer> ingestNew(String sourceId, String fallbackTitle, ParsedFeed feed) {
    Map<String, FeedItem> byId = new LinkedHashMap<>();
    for (FeedItem item : feed.items())
      byId.putIfAbsent(ArticleIds.forGuid(sourceId, item.identity()), item);
    if (byId.isEmpty()) return Future.succeededFuture(0);
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
              List<Future<?>> sent = new ArrayList<>();
              byId.values().stream()
                  .limit(MAX_NEW_ENTRIES)
                  .forEach(item -> sent.add(ingest(ref, item, feed.selfUrl())));
              return Future.join(sent).map(all -> sent.size()).otherwise(sent.size());
            });
  }

  /** Relative links and images in the entry are made absolute before sanitising drops them. */
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
}
