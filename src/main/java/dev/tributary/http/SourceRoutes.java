package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.sources.AddressGuard;
import dev.tributary.sources.FeedFinder;
import dev.tributary.sources.FetchException;
import dev.tributary.sources.Fetcher;
import dev.tributary.sources.Source;
import dev.tributary.sources.SourceJson;
import dev.tributary.sources.Sources;
import dev.tributary.sources.parse.Opml;
import dev.tributary.sources.parse.OpmlOutline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscriptions: {@code POST /api/sources} (checks the URL is a feed, or finds the feed a page
 * links to), {@code GET /api/sources}, {@code DELETE /api/sources/{id}}, OPML import at {@code POST
 * /api/sources/opml} and export at {@code GET /sources.opml}. Who may call them is {@link
 * AccessRules}' business.
 */
final class SourceRoutes {
  private final Vertx vertx;
  private final SiteInfo site;
  private final int defaultIntervalSeconds;
  private final long maxBodyBytes;
  private final boolean allowPrivateAddresses;
  private final FeedFinder feeds;

  SourceRoutes(
      Vertx vertx,
      Fetcher fetcher,
      SiteInfo site,
      int defaultIntervalSeconds,
      long maxBodyBytes,
      boolean allowPrivateAddresses) {
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.vertx = vertx;
    this.feeds = new FeedFinder(vertx, fetcher);
    this.site = site;
    this.defaultIntervalSeconds = defaultIntervalSeconds;
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
    vertx
        .eventBus()
        .<Sources>request(Addresses.STORE_SOURCES, null)
        // thousands of sources make a JSON document of megabytes: encoded on a worker
        .compose(reply -> vertx.executeBlocking(() -> encode(reply.body()), false))
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
    String url = body.getString("url").trim();
    int interval;
    try {
      interval = body.getInteger("intervalSeconds", defaultIntervalSeconds);
    } catch (ClassCastException e) {
      Errors.send(ctx, 400, "intervalSeconds: must be a number");
      return;
    }
    if (interval < 60 || interval > 24 * 3600) {
      Errors.send(ctx, 400, "intervalSeconds: must be between 60 and 86400");
      return;
    }
    String refusal = refusal(url, allowPrivateAddresses);
    if (refusal != null) {
      Errors.send(ctx, 400, "url: " + refusal);
      return;
    }
    String title = body.getString("title");
    feeds
        .find(url)
        .compose(
            feedUrl ->
                store(
                    Source.subscribe(
                        SourceIds.of(feedUrl), feedUrl, title, interval, Instant.now())))
        .onSuccess(
            stored -> {
              boolean created = stored.created();
              if (created) vertx.eventBus().publish(Addresses.SOURCE_ADDED, stored.source().id());
              ApiRoutes.sendJson(ctx, created ? 201 : 200, SourceJson.of(stored.source()));
            })
        .onFailure(e -> sendFetchFailure(ctx, e));
  }

  private record Stored(Source source, boolean created) {}

  private Future<Stored> store(Source source) {
    return vertx
        .eventBus()
        .<Source>request(Addresses.STORE_ADD_SOURCE, source)
        .map(reply -> new Stored(reply.body(), reply.body().created().equals(source.created())));
  }

  private void delete(RoutingContext ctx) {
    vertx
        .eventBus()
        .<Boolean>request(Addresses.STORE_DELETE_SOURCE, ctx.pathParam("id"))
        .onSuccess(
            reply -> {
              if (reply.body()) ctx.response().setStatusCode(204).end();
              else Errors.send(ctx, 404, "no source " + ctx.pathParam("id"));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /** An OPML document read: the outlines that may be subscribed, and those refused with why. */
  private record OpmlImport(List<OpmlOutline> accepted, JsonArray rejected) {}

  private void importOpml(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    // Parsing up to http.maxBodyBytes of XML and checking every URL is work for a worker.
    vertx
        .executeBlocking(() -> readOpml(body), false)
        .onSuccess(read -> subscribeAll(ctx, read))
        .onFailure(e -> Errors.send(ctx, 400, "not an OPML document: " + e.getMessage()));
  }

  private OpmlImport readOpml(byte[] body) throws Exception {
    List<OpmlOutline> accepted = new ArrayList<>();
    JsonArray rejected = new JsonArray();
    for (OpmlOutline o : Opml.parse(body)) {
      String refusal =
          o.xmlUrl() == null ? "no xmlUrl" : refusal(o.xmlUrl(), allowPrivateAddresses);
      if (refusal == null) accepted.add(o);
      else rejected.add(new JsonObject().put("url", o.xmlUrl()).put("error", refusal));
    }
    return new OpmlImport(accepted, rejected);
  }

  private void subscribeAll(RoutingContext ctx, OpmlImport read) {
    List<Future<Stored>> added = new ArrayList<>();
    JsonArray rejected = read.rejected();
    for (OpmlOutline o : read.accepted()) {
      added.add(
          store(
              Source.subscribe(
                  SourceIds.of(o.xmlUrl()),
                  o.xmlUrl(),
                  o.title(),
                  defaultIntervalSeconds,
                  Instant.now())));
    }
    Future.all(added)
        .onSuccess(
            all -> {
              long created = added.stream().filter(f -> f.result().created()).count();
              if (created > 0) vertx.eventBus().publish(Addresses.SOURCE_ADDED, "opml");
              ApiRoutes.sendJson(
                  ctx,
                  200,
                  new JsonObject()
                      .put("imported", created)
                      .put("alreadySubscribed", added.size() - created)
                      .put("rejected", rejected));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void exportOpml(RoutingContext ctx) {
    vertx
        .eventBus()
        .<Sources>request(Addresses.STORE_SOURCES, null)
        .onSuccess(
            reply -> {
              List<OpmlOutline> outlines = new ArrayList<>();
              for (Source s : reply.body().items()) {
                outlines.add(
                    new OpmlOutline(s.title() == null ? s.url() : s.title(), s.url(), s.siteUrl()));
              }
              ctx.response()
                  .putHeader("Content-Type", "text/x-opml; charset=utf-8")
                  .putHeader("Content-Disposition", "inline; filename=\"tributary-sources.opml\"")
                  .end(Opml.write(site.title() + " sources", outlines));
            })
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

  /**
   * Why this URL cannot be fetched, before any request: not http(s), no host, or (unless private
   * addresses are allowed) an address the guard refuses; null when it may be tried. The fetcher
   * checks again, on every resolved address and every redirect.
   */
  static String refusal(String url, boolean allowPrivateAddresses) {
    try {
      URI uri = new URI(url);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https"))
        return "only http and https URLs can be fetched";
      if (uri.getRawAuthority() == null || uri.getRawAuthority().isBlank())
        return "the URL has no host";
      return allowPrivateAddresses ? null : AddressGuard.refusalForUrl(uri).orElse(null);
    } catch (Exception e) {
      return "not a URL: " + url;
    }
  }

  static void sendFetchFailure(RoutingContext ctx, Throwable e) {
    if (e instanceof FetchException fe) {
      int status =
          fe.reason() == FetchException.Reason.BLOCKED_ADDRESS
                  || fe.reason() == FetchException.Reason.BAD_URL
              ? 400
              : 422;
      Errors.send(
          ctx,
          status,
          "cannot fetch: "
              + fe.reason().name().toLowerCase().replace('_', ' ')
              + ": "
              + fe.getMessage());
    } else if (e instanceof dev.tributary.sources.parse.FeedParseException) {
      Errors.send(ctx, 422, e.getMessage());
    } else {
      Errors.fromFailure(ctx, e);
    }
  }
}
