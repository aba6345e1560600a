package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleJson;
import dev.tributary.article.Format;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticlePosts;
import dev.tributary.publish.RenderedFeed;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Map;

/** The JSON API: timeline, one article, topics, and posting an article. */
final class ApiRoutes {
  private final Vertx vertx;
  private final SiteInfo site;
  private final long maxBodyBytes;
  private final TimelineCache timelines;
  private final UrlIngest urlIngest;
  private final ArticlePosts posts;

  ApiRoutes(
      Vertx vertx,
      SiteInfo site,
      long maxBodyBytes,
      long timelineCacheBytes,
      UrlIngest urlIngest,
      IngestGates gates) {
    this.timelines = new TimelineCache(timelineCacheBytes);
    this.vertx = vertx;
    this.posts = new ArticlePosts(vertx, gates, maxBodyBytes);
    this.urlIngest = urlIngest;
    this.site = site;
    this.maxBodyBytes = maxBodyBytes;
    vertx.eventBus().localConsumer(Addresses.ARTICLE_STORED, m -> timelines.clear());
    vertx.eventBus().localConsumer(Addresses.ARTICLES_RETAGGED, m -> timelines.clear());
    vertx.eventBus().localConsumer(Addresses.TOPICS_CHANGED, m -> timelines.clear());
  }

  void mount(Router router) {
    router.get("/api/timeline").handler(this::timeline);
    router.get("/api/articles/:id").handler(this::article);
    router.get("/api/topics").handler(this::topics);
    new TopicRoutes(vertx, maxBodyBytes).mount(router);
    router
        .post("/api/articles")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::postArticle);
  }

  private void timeline(RoutingContext ctx) {
    TimelineQuery query;
    try {
      query = TimelineParams.parse(ctx.queryParams());
    } catch (TimelineParams.BadParameter e) {
      Errors.send(ctx, 400, e.getMessage());
      return;
    }
    var cached = timelines.get(query);
    if (cached.isPresent()) {
      ConditionalResponse.send(ctx, cached.get(), ConditionalResponse.REVALIDATE);
      return;
    }
    long generation = timelines.generation();
    vertx
        .eventBus()
        .<TimelinePage>request(Addresses.STORE_TIMELINE, query)
        .compose(reply -> vertx.executeBlocking(() -> timelineResponse(reply.body()), false))
        .onSuccess(
            response -> {
              timelines.put(query, generation, response);
              ConditionalResponse.send(ctx, response, ConditionalResponse.REVALIDATE);
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private static CachedResponse timelineResponse(TimelinePage page) {
    Instant newest =
        page.items().stream().map(Article::ingested).max(Instant::compareTo).orElse(Instant.EPOCH);
    return CachedResponse.of(
        RenderedFeed.of(timelineJson(page).encode(), "application/json; charset=utf-8", newest));
  }

  static JsonObject timelineJson(TimelinePage page) {
    JsonArray items = new JsonArray();
    page.items().forEach(a -> items.add(ArticleJson.of(a)));
    return new JsonObject()
        .put("items", items)
        .put("nextCursor", page.next() == null ? null : page.next().encode());
  }

  /** One article; with {@code ?explain=true} also why it has (and has not) its topics. */
  private void article(RoutingContext ctx) {
    boolean explain = "true".equalsIgnoreCase(ctx.queryParams().get("explain"));
    vertx
        .eventBus()
        .<Article>request(Addresses.STORE_GET, ctx.pathParam("id"))
        .compose(
            reply -> {
              JsonObject json = ArticleJson.of(reply.body());
              if (!explain) return Future.succeededFuture(json);
              return vertx
                  .eventBus()
                  .<JsonArray>request(Addresses.TOPICS_EXPLAIN, reply.body())
                  .map(explanation -> json.put("explanation", explanation.body()));
            })
        .onSuccess(json -> sendJson(ctx, 200, json))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void topics(RoutingContext ctx) {
    vertx
        .eventBus()
        .<TopicCounts>request(Addresses.STORE_TOPIC_COUNTS, null)
        .onSuccess(
            reply -> {
              JsonArray topics = new JsonArray();
              for (Map.Entry<String, String> t : site.topics().entrySet()) {
                topics.add(
                    new JsonObject()
                        .put("slug", t.getKey())
                        .put("label", t.getValue())
                        .put("count", reply.body().of(t.getKey())));
              }
              sendJson(ctx, 200, topics);
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void postArticle(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
      urlIngest.handle(ctx);
      return;
    }
    var format = Format.fromContentType(contentType);
    if (format.isEmpty()) {
      Errors.send(ctx, 415, "Content-Type must be text/plain, text/markdown or text/html");
      return;
    }
    var q = ctx.queryParams();
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    ArticlePosts.Post post;
    try {
      post =
          ArticlePosts.post(
              "POST /api/articles",
              format.get(),
              bytes,
              q.get("title"),
              q.get("url"),
              q.get("source"),
              q.get("published"));
    } catch (ArticlePosts.BadPost e) {
      Errors.send(ctx, 400, e.getMessage());
      return;
    }
    posts
        .submit(post)
        .onSuccess(
            stored -> {
              ctx.response()
                  .putHeader(
                      "Location", site.publicUrl() + "/api/articles/" + stored.article().id());
              sendJson(ctx, stored.created() ? 201 : 200, ArticleJson.of(stored.article()));
            })
        .onFailure(
            e -> {
              if (Saturation.answered(ctx, e)) return;
              if (e instanceof ExtractionException) Errors.send(ctx, 400, e.getMessage());
              else Errors.fromFailure(ctx, e);
            });
  }

  /** Encoded straight to UTF-8 bytes: no String of the whole document on the event loop. */
  static void sendJson(RoutingContext ctx, int status, Object json) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(json instanceof JsonArray a ? a.toBuffer() : ((JsonObject) json).toBuffer());
  }

  /** A JSON document already encoded (on a worker, when it is large). */
  static void sendEncoded(RoutingContext ctx, int status, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body);
  }
}
