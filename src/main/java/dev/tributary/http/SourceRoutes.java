package dev.tributary.http;

import dev.tributary.sources.SourceJson;
import dev.tributary.sources.Sources;
import dev.tributary.sources.Subscriptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Subscriptions: {@code POST /api/sources} (checks the URL is a feed, or finds the feed a page
 * links to), {@code GET /api/sources}, {@code DELETE /api/sources/{id}}, OPML import at {@code POST
 * /api/sources/opml} and export at {@code GET /sources.opml}: the routes of {@link Subscriptions},
 * which does the work. Who may call them is {@link AccessRules}' business.
 */
final class SourceRoutes {
  private final Vertx vertx;
  private final SiteInfo site;
  private final long maxBodyBytes;
  private final Subscriptions subscriptions;

  SourceRoutes(Vertx vertx, Subscriptions subscriptions, SiteInfo site, long maxBodyBytes) {
    this.vertx = vertx;
    this.subscriptions = subscriptions;
    this.site = site;
    this.maxBodyBytes = maxBodyBytes;
  }

  void mount(Router router) {
    router.get("/api/sources").handler(this::list);
    router.get("/sources.opml").handler(this::exportOpml);
    router
        .post("/api/sources/opml")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::importOpml);
    router
        .post("/api/sources")
        .handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
        .handler(this::subscribe);
    router.delete("/api/sources/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    subscriptions
        .all()
        // thousands of sources make a JSON document of megabytes: encoded on a worker
        .compose(sources -> vertx.executeBlocking(() -> encode(sources), false))
        .onSuccess(json -> ApiRoutes.sendEncoded(ctx, 200, json))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private static String encode(Sources sources) {
    JsonArray list = new JsonArray();
    sources.items().forEach(s -> list.add(SourceJson.of(s)));
    return list.encode();
  }

  private void subscribe(RoutingContext ctx) {
    JsonObject body = jsonWithUrl(ctx, "https://…/feed.xml");
    if (body == null) return;
    Integer interval;
    try {
      interval = body.getInteger("intervalSeconds");
    } catch (ClassCastException e) {
      Errors.send(ctx, 400, "intervalSeconds: must be a number");
      return;
    }
    subscriptions
        .subscribe(body.getString("url").trim(), body.getString("title"), interval)
        .onSuccess(
            stored ->
                ApiRoutes.sendJson(
                    ctx, stored.created() ? 201 : 200, SourceJson.of(stored.source())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void delete(RoutingContext ctx) {
    subscriptions
        .delete(ctx.pathParam("id"))
        .onSuccess(
            deleted -> {
              if (deleted) ctx.response().setStatusCode(204).end();
              else Errors.send(ctx, 404, "no source " + ctx.pathParam("id"));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void importOpml(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    subscriptions
        .importOpml(body)
        .onSuccess(
            imported -> {
              JsonArray rejected = new JsonArray();
              imported
                  .refused()
                  .forEach(
                      r ->
                          rejected.add(
                              new JsonObject().put("url", r.url()).put("error", r.reason())));
              ApiRoutes.sendJson(
                  ctx,
                  200,
                  new JsonObject()
                      .put("imported", imported.created())
                      .put("alreadySubscribed", imported.alreadySubscribed())
                      .put("rejected", rejected));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void exportOpml(RoutingContext ctx) {
    subscriptions
        .exportOpml(site.title() + " sources")
        .onSuccess(
            opml ->
                ctx.response()
                    .putHeader("Content-Type", "text/x-opml; charset=utf-8")
                    .putHeader("Content-Disposition", "inline; filename=\"tributary-sources.opml\"")
                    .end(opml))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * The request's JSON body when it has a non-blank {@code "url"}; otherwise answers 400 (with an
   * example URL) and returns null.
   */
  static JsonObject jsonWithUrl(RoutingContext ctx, String example) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null || body.getString("url", "").isBlank()) {
      Errors.send(ctx, 400, "body must be JSON with a \"url\": {\"url\": \"" + example + "\"}");
      return null;
    }
    return body;
  }
}
