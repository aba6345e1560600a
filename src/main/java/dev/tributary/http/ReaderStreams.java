package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.publish.FeedCategory;
import dev.tributary.publish.FeedItem;
import dev.tributary.publish.FeedRenderer;
import dev.tributary.publish.FeedSpec;
import dev.tributary.publish.RenderedFeed;
import dev.tributary.reader.GoogleReaderJson;
import dev.tributary.reader.ItemIds;
import dev.tributary.reader.Stream;
import dev.tributary.reader.StreamQueries;
import dev.tributary.reader.Streams;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderLookup;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Google Reader API's reads of items: {@code stream/items/ids}, {@code stream/contents}, {@code
 * stream/items/contents}, and a stream as Atom at {@code /reader/atom/<stream>?n=N} (newsboat's
 * FeedHQ mode reads each subscription this way). Answers with articles are encoded on a worker.
 */
final class ReaderStreams {
  /** Google's scheme for an item's states and labels as Atom categories. */
  static final String GOOGLE_SCHEME = "http://www.google.com/reader/";

  private static final int DEFAULT_ITEMS = 20;
  private static final int DEFAULT_IDS = 1000;

  private final Vertx vertx;
  private final SiteInfo site;
  private final FeedRenderer renderer = new FeedRenderer();

  ReaderStreams(Vertx vertx, SiteInfo site) {
    this.vertx = vertx;
    this.site = site;
  }

  /** {@code stream/items/ids?s=…}: the stream's item ids, decimal, with a continuation. */
  void ids(RoutingContext ctx) {
    String s = ctx.request().getParam("s");
    if (s == null || s.isBlank()) throw new IllegalArgumentException("s: which stream?");
    Stream stream = streams().parse(s);
    ReaderQuery query =
        StreamQueries.of(stream, params(ctx), DEFAULT_IDS, StreamQueries.MAX_IDS, false);
    page(stream, query)
        .onSuccess(page -> ApiRoutes.sendJson(ctx, 200, json().itemRefs(page)))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * {@code stream/contents/<stream>} (or {@code ?s=}; the reading list when neither): the stream's
   * items with their articles, newest first, with a continuation.
   */
  void contents(RoutingContext ctx, String pathStream) {
    String id =
        pathStream != null && !pathStream.isBlank() ? pathStream : ctx.request().getParam("s");
    Stream stream = streams().parse(id == null || id.isBlank() ? Streams.READING_LIST : id);
    ReaderQuery query =
        StreamQueries.of(stream, params(ctx), DEFAULT_ITEMS, StreamQueries.MAX_ITEMS, true);
    page(stream, query)
        .compose(
            page ->
                vertx.executeBlocking(
                    () -> json().contents(stream.id(), title(stream), page, Instant.now()).encode(),
                    false))
        .onSuccess(body -> ApiRoutes.sendEncoded(ctx, 200, body))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /** {@code stream/items/contents}: the items {@code i} (any id form), in the order given. */
  void items(RoutingContext ctx) {
    List<Long> seqs = new ArrayList<>();
    for (String id : ctx.request().params().getAll("i")) seqs.add(ItemIds.parse(id));
    if (seqs.size() > StreamQueries.MAX_ITEMS) {
      throw new IllegalArgumentException(
          "i: at most " + StreamQueries.MAX_ITEMS + " items at once");
    }
    Future<ReaderPage> found =
        seqs.isEmpty()
            ? Future.succeededFuture(new ReaderPage(List.of(), 0))
            : vertx
                .eventBus()
                .<ReaderPage>request(Addresses.STORE_READER_ITEMS, new ReaderLookup(seqs))
                .map(reply -> reply.body());
    found
        .compose(
            page ->
                vertx.executeBlocking(
                    () ->
                        json()
                            .contents(Streams.READING_LIST, "Reading list", page, Instant.now())
                            .encode(),
                    false))
        .onSuccess(body -> ApiRoutes.sendEncoded(ctx, 200, body))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * {@code /reader/atom/<stream>?n=N}: the stream as Atom, each entry with its item id as {@code
   * <id>} and its state and topics as categories in Google's scheme — {@code read} for read items,
   * {@code fresh} for unread ones, {@code starred}, and a label per topic.
   */
  void atom(RoutingContext ctx) {
    Stream stream;
    ReaderQuery query;
    try {
      stream = streams().parse(ReaderRoutes.decodedPath(ctx, "/reader/atom/"));
      query = StreamQueries.of(stream, params(ctx), DEFAULT_ITEMS, StreamQueries.MAX_ITEMS, true);
    } catch (IllegalArgumentException e) {
      Errors.send(ctx, 400, e.getMessage());
      return;
    }
    page(stream, query)
        .compose(page -> vertx.executeBlocking(() -> atomDocument(ctx, stream, page), false))
        .onSuccess(doc -> ConditionalResponse.send(ctx, doc, ConditionalResponse.REVALIDATE))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private CachedResponse atomDocument(RoutingContext ctx, Stream stream, ReaderPage page) {
    GoogleReaderJson json = json();
    List<FeedItem> items = new ArrayList<>();
    Instant updated = FeedSpec.EMPTY_FEED_UPDATED;
    for (ReaderItem item : page.items()) {
      List<FeedCategory> categories = new ArrayList<>();
      for (String tag : json.categories(item)) categories.add(category(tag));
      if (!item.read()) categories.add(category(Streams.state("fresh")));
      items.add(new FeedItem(item.article(), ItemIds.longForm(item.seq()), categories));
      if (item.ingested().isAfter(updated)) updated = item.ingested();
    }
    String title =
        stream.scope().sourceId() != null && !page.items().isEmpty()
            ? page.items().get(0).article().source().title()
            : title(stream);
    FeedSpec spec =
        FeedSpec.stream(
            site.title() + ": " + title,
            site.publicUrl(),
            site.publicUrl() + ctx.request().uri(),
            "reader:" + stream.id(),
            updated);
    String document = renderer.atom(spec, items);
    return CachedResponse.of(
        RenderedFeed.of(document, "application/atom+xml; charset=utf-8", updated));
  }

  /** A state or label as Google's Atom category: its id as term, its last segment as label. */
  private static FeedCategory category(String tag) {
    String label = tag.substring(tag.lastIndexOf('/') + 1);
    int at = tag.indexOf("/label/");
    if (at >= 0) label = tag.substring(at + "/label/".length());
    return new FeedCategory(GOOGLE_SCHEME, tag, label);
  }

  private Future<ReaderPage> page(Stream stream, ReaderQuery query) {
    if (stream.empty()) return Future.succeededFuture(new ReaderPage(List.of(), 0));
    return vertx
        .eventBus()
        .<ReaderPage>request(Addresses.STORE_READER_PAGE, query)
        .map(reply -> reply.body());
  }

  private String title(Stream stream) {
    if (stream.scope().topic() != null) {
      return site.topics().getOrDefault(stream.scope().topic(), stream.scope().topic());
    }
    if (stream.scope().sourceId() != null) return stream.scope().sourceId();
    if (Boolean.TRUE.equals(stream.starred())) return "Starred";
    if (Boolean.TRUE.equals(stream.read())) return "Read";
    return "Reading list";
  }

  private Streams streams() {
    return new Streams(site.topics());
  }

  private GoogleReaderJson json() {
    return new GoogleReaderJson(site.publicUrl(), site.topics());
  }

  static Function<String, List<String>> params(RoutingContext ctx) {
    return name -> ctx.request().params().getAll(name);
  }
}
