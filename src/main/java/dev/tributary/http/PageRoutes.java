package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The pages for people: {@code /} (newest articles, topic filter) and {@code /articles/{id}}. */
final class PageRoutes {
  /** Pages run no script and load nothing from elsewhere; styles are inline. */
  private static final String CSP =
      "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none';"
          + " form-action 'self'";

  private final Vertx vertx;
  private final SiteInfo site;

  PageRoutes(Vertx vertx, SiteInfo site) {
    this.vertx = vertx;
    this.site = site;
  }

  void mount(Router router) {
    router.get("/").handler(this::home);
    router.get("/articles/:id").handler(this::articlePage);
  }

  private void articlePage(RoutingContext ctx) {
    vertx
        .eventBus()
        .<Article>request(Addresses.STORE_GET, ctx.pathParam("id"))
        .onSuccess(reply -> sendHtml(ctx, HomePage.renderArticle(site, reply.body())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private static void sendHtml(RoutingContext ctx, String html) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .end(html);
  }

  private void home(RoutingContext ctx) {
    String topic = ctx.queryParams().get("topic");
    if (topic != null && !site.topics().containsKey(topic)) topic = null;
    TimelineQuery query =
        topic == null
            ? TimelineQuery.newest(site.feedSize())
            : TimelineQuery.newestInTopic(topic, site.feedSize());
    String selected = topic;
    vertx
        .eventBus()
        .<TimelinePage>request(Addresses.STORE_TIMELINE, query)
        .onSuccess(
            reply ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader(
                        "Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'")
                    .end(HomePage.render(site, selected, reply.body().items())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }
}
