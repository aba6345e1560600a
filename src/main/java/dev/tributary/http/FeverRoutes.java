package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.reader.FeverIds;
import dev.tributary.reader.FeverJson;
import dev.tributary.reader.StreamQueries;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.ReaderLookup;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderScope;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.StateChange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fever API (docs/ARCHITECTURE.md, "Reader apps") at {@code /fever/?api}: {@code api_key} (md5
 * of {@code username:password}, in the form or the query) on every request; {@code groups}
 * (topics), {@code feeds} (sources), {@code items} ({@code since_id}, {@code max_id}, {@code
 * with_ids}; 50 at a time), {@code unread_item_ids}, {@code saved_item_ids}, {@code favicons} and
 * {@code links} (none), in any combination; {@code mark=item|feed|group}. A wrong key answers
 * {@code auth: 0} with 200, as Fever did, and counts as a failed login ({@link LoginLimit}).
 */
final class FeverRoutes {
  /** Items per {@code items} answer, as Fever's. */
  static final int ITEMS_PER_ANSWER = 50;

  private final Vertx vertx;
  private final SiteInfo site;
  private final ReaderLogin login;

  FeverRoutes(Vertx vertx, SiteInfo site, ReaderLogin login) {
    this.vertx = vertx;
    this.site = site;
    this.login = login;
  }

  void mount(Router router) {
    for (String path : List.of("/fever", "/fever/")) {
      router.post(path).handler(BodyHandler.create(false).setBodyLimit(65_536));
      router.route(path).method(HttpMethod.GET).method(HttpMethod.POST).handler(this::handle);
    }
  }

  private void handle(RoutingContext ctx) {
    if (!ctx.queryParams().contains("api")) {
      Errors.send(ctx, 404, "the Fever API answers at /fever/?api");
      return;
    }
    login
        .feverKey(ctx, ctx.request().getParam("api_key"))
        .onSuccess(
            ok -> {
              if (!ok) {
                ApiRoutes.sendJson(ctx, 200, FeverJson.base(false, Instant.now()));
                return;
              }
              Future<Void> answered;
              try {
                answered = answer(ctx);
              } catch (IllegalArgumentException e) {
                answered = Future.failedFuture(e);
              }
              answered.onFailure(
                  e -> {
                    if (e instanceof IllegalArgumentException)
                      Errors.send(ctx, 400, e.getMessage());
                    else Errors.fromFailure(ctx, e);
                  });
            });
  }

  /** Marks first, then every read asked for, in one answer. */
  private Future<Void> answer(RoutingContext ctx) {
    JsonObject out = FeverJson.base(true, Instant.now());
    FeverJson json = new FeverJson(site.publicUrl(), site.topics());
    boolean needsIds =
        has(ctx, "groups") || has(ctx, "feeds") || has(ctx, "items") || param(ctx, "mark") != null;
    Future<Sources> sources =
        needsIds
            ? vertx
                .eventBus()
                // each source's topics only for the groups: they are read from every topic row
                .<ReaderSources>request(
                    Addresses.STORE_READER_SOURCES, has(ctx, "groups") || has(ctx, "feeds"))
                .map(reply -> new Sources(reply.body(), ids(reply.body())))
            : Future.succeededFuture(null);
    return sources
        .compose(s -> mark(ctx, s).map(s))
        .compose(
            s -> {
              if (has(ctx, "groups")) {
                out.put("groups", json.groups(s.ids()))
                    .put("feeds_groups", json.feedsGroups(s.all(), s.ids()));
              }
              if (has(ctx, "feeds")) {
                out.put("feeds", json.feeds(s.all(), s.ids()))
                    .put("feeds_groups", json.feedsGroups(s.all(), s.ids()));
              }
              if (has(ctx, "favicons")) out.put("favicons", new io.vertx.core.json.JsonArray());
              if (has(ctx, "links")) out.put("links", new io.vertx.core.json.JsonArray());
              Future<Void> step = Future.succeededFuture();
              if (has(ctx, "unread_item_ids")) {
                step = step.compose(x -> putIds(out, "unread_item_ids", false, null));
              }
              if (has(ctx, "saved_item_ids")) {
                step = step.compose(x -> putIds(out, "saved_item_ids", null, true));
              }
              if (has(ctx, "items")) {
                step = step.compose(x -> items(ctx, s, json, out));
              }
              return step;
            })
        .compose(
            x ->
                vertx
                    .executeBlocking(() -> out.encode(), false)
                    .map(
                        body -> {
                          ApiRoutes.sendEncoded(ctx, 200, body);
                          return null;
                        }));
  }

  private record Sources(ReaderSources all, FeverIds ids) {}

  private FeverIds ids(ReaderSources sources) {
    return new FeverIds(
        sources.items().stream().map(ReaderSources.Entry::id).toList(),
        List.copyOf(site.topics().keySet()));
  }

  /**
   * Puts under {@code key} the ids (newest first, at most {@link StreamQueries#MAX_IDS}) of the
   * articles with this read and starred state (null: either).
   */
  private Future<Void> putIds(JsonObject out, String key, Boolean read, Boolean starred) {
    ReaderQuery query =
        new ReaderQuery(
            ReaderScope.ALL, read, starred, null, null, false, 0, StreamQueries.MAX_IDS, false);
    return idList(query)
        .map(
            ids -> {
              out.put(key, ids);
              return null;
            });
  }

  private Future<String> idList(ReaderQuery query) {
    return vertx
        .eventBus()
        .<ReaderPage>request(Addresses.STORE_READER_PAGE, query)
        .map(reply -> FeverJson.idList(reply.body().items()));
  }

  /**
   * {@code items}: after {@code since_id} (oldest first), before {@code max_id} (newest first),
   * {@code with_ids} (as listed), or the newest; {@value #ITEMS_PER_ANSWER} at most, and {@code
   * total_items}.
   */
  private Future<Void> items(RoutingContext ctx, Sources s, FeverJson json, JsonObject out) {
    Future<List<dev.tributary.store.ReaderItem>> page;
    String withIds = param(ctx, "with_ids");
    if (withIds != null && !withIds.isBlank()) {
      List<Long> seqs = new ArrayList<>();
      for (String id : withIds.split(",")) {
        if (!id.isBlank()) seqs.add(number("with_ids", id));
      }
      if (seqs.size() > StreamQueries.MAX_ITEMS) {
        throw new IllegalArgumentException("with_ids: at most " + StreamQueries.MAX_ITEMS + " ids");
      }
      page =
          vertx
              .eventBus()
              .<ReaderPage>request(Addresses.STORE_READER_ITEMS, new ReaderLookup(seqs))
              .map(reply -> reply.body().items());
    } else {
      long since = optionalNumber(ctx, "since_id");
      long max = optionalNumber(ctx, "max_id");
      boolean ascending = since > 0 || (ctx.request().getParam("since_id") != null && max <= 0);
      ReaderQuery query =
          new ReaderQuery(
              ReaderScope.ALL,
              null,
              null,
              null,
              null,
              ascending,
              ascending ? since : max,
              ITEMS_PER_ANSWER,
              true);
      page =
          vertx
              .eventBus()
              .<ReaderPage>request(Addresses.STORE_READER_PAGE, query)
              .map(reply -> reply.body().items());
    }
    return page.compose(
        items ->
            vertx
                .eventBus()
                .<Long>request(Addresses.STORE_COUNT, null)
                .map(
                    total -> {
                      out.put("total_items", total.body()).put("items", json.items(items, s.ids()));
                      return null;
                    }));
  }

  /**
   * {@code mark=item&as=read|unread|saved|unsaved&id=…}; {@code
   * mark=feed|group&as=read&id=…&before=…} (group 0 is everything, Fever's Kindling; -1, its
   * Sparks, holds nothing here).
   */
  private Future<Void> mark(RoutingContext ctx, Sources s) {
    String mark = param(ctx, "mark");
    if (mark == null) return Future.succeededFuture();
    String as = param(ctx, "as");
    long id = number("id", param(ctx, "id"));
    if (mark.equals("item")) {
      StateChange change =
          switch (as == null ? "" : as) {
            case "read" -> new StateChange(List.of(id), true, null);
            case "unread" -> new StateChange(List.of(id), false, null);
            case "saved" -> new StateChange(List.of(id), null, true);
            case "unsaved" -> new StateChange(List.of(id), null, false);
            default -> throw new IllegalArgumentException("as: read, unread, saved or unsaved");
          };
      return vertx.eventBus().request(Addresses.STORE_READER_CHANGE, change).mapEmpty();
    }
    if (!"read".equals(as)) throw new IllegalArgumentException("as: a " + mark + " is marked read");
    ReaderScope scope;
    if (mark.equals("feed")) {
      String source = s.ids().sourceOf(id);
      if (source == null) return Future.succeededFuture();
      scope = ReaderScope.source(source);
    } else if (mark.equals("group")) {
      if (id < 0) return Future.succeededFuture();
      String topic = id == 0 ? null : s.ids().topicOf(id);
      if (id != 0 && topic == null) return Future.succeededFuture();
      scope = topic == null ? ReaderScope.ALL : ReaderScope.topic(topic);
    } else {
      throw new IllegalArgumentException("mark: item, feed or group");
    }
    String before = param(ctx, "before");
    Instant until =
        before == null || before.isBlank()
            ? Instant.now()
            : Instant.ofEpochSecond(number("before", before));
    return vertx
        .eventBus()
        .request(Addresses.STORE_READER_MARK_ALL, new MarkAllRead(scope, until))
        .mapEmpty();
  }

  private static boolean has(RoutingContext ctx, String name) {
    return ctx.request().params().contains(name);
  }

  private static String param(RoutingContext ctx, String name) {
    return ctx.request().getParam(name);
  }

  private static long optionalNumber(RoutingContext ctx, String name) {
    String value = param(ctx, name);
    return value == null || value.isBlank() ? 0 : number(name, value);
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a number");
    }
  }
}
