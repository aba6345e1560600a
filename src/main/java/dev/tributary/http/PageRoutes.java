package dev.tributary.http;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.store.Cursor;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/**
 * The pages for people: {@code /} (newest articles, topic filter, paging), {@code /articles/{id}},
 * and their stylesheet and live-update script under {@code /static/}.
 */
final class PageRoutes {
  private static final long STATIC_MAX_AGE_SECONDS = 3600;

  private final Vertx vertx;
  private final SiteInfo site;

  PageRoutes(Vertx vertx, SiteInfo site) {
    this.vertx = vertx;
    this.site = site;
  }

  void mount(Router router) {
    router.route("/").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::home);
    router
        .route("/articles/:id")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::articlePage);
    router
        .route("/static/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(
            StaticHandler.create("webroot")
                .setDirectoryListing(false)
                .setFilesReadOnly(false)
                .setDefaultContentEncoding("UTF-8")
                .setMaxAgeSeconds(STATIC_MAX_AGE_SECONDS));
  }

  private void home(RoutingContext ctx) {
    String topic = ctx.queryParams().get("topic");
    if (topic != null && topic.isBlank()) topic = null;
    if (topic != null && !site.topics().containsKey(topic)) {
      sendMessage(ctx, 404, "No such topic", "There is no topic called “" + topic + "”.");
      return;
    }
    Cursor cursor = null;
    String cursorText = ctx.queryParams().get("cursor");
    if (cursorText != null && !cursorText.isBlank()) {
      cursor = Cursor.decode(cursorText.trim()).orElse(null);
      if (cursor == null) {
        sendMessage(ctx, 400, "Unknown page", "That link to older articles is not one of ours.");
        return;
      }
    }
    List<String> topics = topic == null ? List.of() : List.of(topic);
    var query = new TimelineQuery(topics, null, null, null, site.feedSize(), cursor);
    Future<Message<TimelinePage>> timeline =
        vertx.eventBus().request(Addresses.STORE_TIMELINE, query);
    Future<Message<TopicCounts>> counts =
        vertx.eventBus().request(Addresses.STORE_TOPIC_COUNTS, null);
    String selected = topic;
    Cursor start = cursor;
    Future.all(timeline, counts)
        .onSuccess(
            all -> {
              TimelinePage page = timeline.result().body();
              var view =
                  new HomePage.View(
                      selected, start, page.items(), page.next(), counts.result().body());
              sendHtml(ctx, 200, HomePage.render(site, view));
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void articlePage(RoutingContext ctx) {
    vertx
        .eventBus()
        .<Article>request(Addresses.STORE_GET, ctx.pathParam("id"))
        .onSuccess(reply -> sendHtml(ctx, 200, ArticlePage.render(site, reply.body())))
        .onFailure(
            e -> {
              if (Failures.codeOf(e) == Failures.NOT_FOUND) {
                sendMessage(ctx, 404, "Article not found", "There is no article with that id.");
              } else {
                Errors.fromFailure(ctx, e);
              }
            });
  }

  private void sendMessage(RoutingContext ctx, int status, String heading, String text) {
    sendHtml(ctx, status, PageLayout.message(site, heading, text));
  }

  private static void sendHtml(RoutingContext ctx, int status, String html) {
    if (ctx.response().ended()) return;
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", PageLayout.CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cache-Control", "no-cache")
        .end(html);
  }
}
