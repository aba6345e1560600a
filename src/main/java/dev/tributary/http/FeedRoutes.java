package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.publish.FeedCache;
import dev.tributary.publish.FeedItem;
import dev.tributary.publish.FeedRenderer;
import dev.tributary.publish.FeedSpec;
import dev.tributary.publish.RenderedFeed;
import dev.tributary.store.Cursor;
import dev.tributary.store.NewerPage;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The feeds: {@code /feed.{atom,rss,json}} and {@code /topics/{slug}/feed.{atom,rss,json}}, each
 * rendered once and served from the cache until an article that belongs in it is stored.
 */
final class FeedRoutes {
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "atom", "application/atom+xml; charset=utf-8",
          "rss", "application/rss+xml; charset=utf-8",
          "json", "application/feed+json; charset=utf-8");

  private final Vertx vertx;
  private final FeedRenderer renderer = new FeedRenderer();
  private final FeedCache<CachedResponse> cache = new FeedCache<>();
  private final SiteInfo site;
  private final TributaryMetrics metrics;

  FeedRoutes(Vertx vertx, SiteInfo site, TributaryMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.site = site;
    vertx
        .eventBus()
        .<StoredArticle>localConsumer(Addresses.ARTICLE_STORED, m -> invalidateFor(m.body()));
    vertx.eventBus().localConsumer(Addresses.ARTICLES_RETAGGED, m -> cache.invalidateAll());
    vertx.eventBus().localConsumer(Addresses.TOPICS_CHANGED, m -> cache.invalidateAll());
  }

  /**
   * A new article changes the feeds it belongs in; a new copy of a story changes the entry of the
   * story's first copy (its other sources), wherever that entry is: every feed.
   */
  private void invalidateFor(StoredArticle stored) {
    if (stored.article().leadsItsStory()) cache.invalidateFor(stored.article());
    else cache.invalidateAll();
  }

  void mount(Router router) {
    for (String format : CONTENT_TYPES.keySet()) {
      getOrHead(router, "/feed." + format).handler(ctx -> serve(ctx, null, format));
      getOrHead(router, "/topics/:slug/feed." + format)
          .handler(ctx -> serve(ctx, ctx.pathParam("slug"), format));
    }
  }

  private static Route getOrHead(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private void serve(RoutingContext ctx, String slug, String format) {
    if (slug != null && !site.topics().containsKey(slug)) {
      Errors.send(ctx, 404, "no topic '" + slug + "'; GET /api/topics lists them");
      return;
    }
    String before = ctx.queryParams().get("before");
    if (before != null) {
      serveArchive(ctx, slug, format, before);
      return;
    }
    String scope = slug == null ? FeedCache.siteScope() : FeedCache.topicScope(slug);
    var cached = cache.get(scope, format);
    metrics.feedCache(cached.isPresent());
    if (cached.isPresent()) {
      ConditionalResponse.send(ctx, cached.get());
      return;
    }
    long generation = cache.generation(scope);
    render(slug, format, null)
        .onSuccess(
            feed -> {
              cache.put(scope, format, generation, feed);
              ConditionalResponse.send(ctx, feed);
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /** An RFC 5005 archive page: the entries after a cursor. Rendered per request, not cached. */
  private void serveArchive(RoutingContext ctx, String slug, String format, String before) {
    var cursor = Cursor.decode(before);
    if (cursor.isEmpty()) {
      Errors.send(ctx, 400, "before: not a page this server issued");
      return;
    }
    render(slug, format, cursor.get())
        .onSuccess(feed -> ConditionalResponse.send(ctx, feed))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private Future<CachedResponse> render(String slug, String format, Cursor before) {
    List<String> topics = slug == null ? List.of() : List.of(slug);
    TimelineQuery query = new TimelineQuery(topics, null, null, null, site.feedSize(), before);
    // an archive page links its newer neighbour too (RFC 5005 next-archive)
    Future<NewerPage> newer =
        before == null
            ? Future.succeededFuture(null)
            : vertx
                .eventBus()
                .<NewerPage>request(Addresses.STORE_NEWER_PAGE, query)
                .map(reply -> reply.body());
    return newer.compose(
        above ->
            vertx
                .eventBus()
                .<TimelinePage>request(Addresses.STORE_TIMELINE, query)
                // Rome builds a DOM and serialises it: tens of milliseconds for a big feed, so
                // not on the event loop.
                .compose(
                    reply ->
                        vertx.executeBlocking(
                            () -> renderPage(slug, format, before, above, reply.body()), false)));
  }

  private CachedResponse renderPage(
      String slug, String format, Cursor before, NewerPage newer, TimelinePage page) {
    List<Article> articles = page.items();
    Instant updated =
        articles.stream()
            .map(Article::ingested)
            .max(Instant::compareTo)
            .orElse(FeedSpec.EMPTY_FEED_UPDATED);
    List<FeedItem> items = FeedItem.of(articles);
    FeedSpec spec =
        (slug == null ? site.siteFeed(updated) : site.topicFeed(slug, updated))
            .paged(
                before == null ? null : before.encode(),
                page.next() == null ? null : page.next().encode(),
                newer == null || newer.before() == null ? null : newer.before().encode());
    String document =
        switch (format) {
          case "atom" -> renderer.atom(spec, items);
          case "rss" -> renderer.rss(spec, items);
          default -> renderer.jsonFeed(spec, items);
        };
    return CachedResponse.of(RenderedFeed.of(document, CONTENT_TYPES.get(format), updated));
  }
}
