package dev.tributary.http;

import dev.tributary.bus.Addresses;
import dev.tributary.config.ReaderAccount;
import dev.tributary.publish.FeedSpec;
import dev.tributary.publish.RenderedFeed;
import dev.tributary.reader.EditTags;
import dev.tributary.reader.GoogleReaderJson;
import dev.tributary.reader.ItemIds;
import dev.tributary.reader.Stream;
import dev.tributary.reader.StreamQueries;
import dev.tributary.reader.Streams;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.ReaderScope;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.StateChange;
import dev.tributary.store.UnreadCounts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Google Reader API (docs/ARCHITECTURE.md, "Reader apps") under {@code /reader/api/0/}, and its
 * Atom streams under {@code /reader/atom/}. Every request needs {@code Authorization: GoogleLogin
 * auth=<Auth>}, checked before any body is read; writes ({@code edit-tag}, {@code
 * mark-all-as-read}) need the {@code T} token too. A wrong token is 401 with {@code
 * X-Reader-Google-Bad-Token: true}, the signal on which clients fetch a new one. Paths the API does
 * not serve answer {@code []}, as Miniflux does: clients ask for preferences and friends lists they
 * can do without, and stop syncing on an error.
 */
final class ReaderRoutes {
  static final String API = "/reader/api/0/";

  /** Writes of Google Reader's that Tributary leaves to its own API (sources, the taxonomy). */
  private static final Set<String> UNSUPPORTED_WRITES =
      Set.of(
          "subscription/edit",
          "subscription/quickadd",
          "subscription/import",
          "rename-tag",
          "disable-tag");

  private final Vertx vertx;
  private final SiteInfo site;
  private final ReaderAccount account;
  private final ReaderLogin login;
  private final ReaderStreams streams;
  private final long maxBodyBytes;

  ReaderRoutes(Vertx vertx, SiteInfo site, ReaderLogin login, long maxBodyBytes) {
    this.vertx = vertx;
    this.site = site;
    this.account = login.account();
    this.login = login;
    this.streams = new ReaderStreams(vertx, site);
    this.maxBodyBytes = maxBodyBytes;
  }

  void mount(Router router) {
    router
        .post("/accounts/ClientLogin")
        .handler(BodyHandler.create(false).setBodyLimit(8192))
        .handler(login::clientLogin);
    router.route("/reader/*").handler(this::authorised);
    router
        .route("/reader/api/0/*")
        .method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router
        .route("/reader/api/0/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.POST)
        .handler(this::dispatch);
    router.get("/reader/atom/*").handler(streams::atom);
  }

  /** {@code Authorization: GoogleLogin auth=<token>}, else 401. */
  private void authorised(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String prefix = "GoogleLogin ";
    String token = null;
    if (header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      String rest = header.substring(prefix.length()).trim();
      if (rest.regionMatches(true, 0, "auth=", 0, 5)) token = rest.substring(5).trim();
    }
    if (account.acceptsAuthToken(token)) {
      // NetNewsWire asks for the ids stored since the Date of its previous answer
      ctx.response()
          .putHeader(
              "Date",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "GoogleLogin realm=\"tributary\"");
    Errors.send(
        ctx,
        401,
        "missing or wrong Authorization: GoogleLogin auth=<Auth from /accounts/ClientLogin>");
  }

  private void dispatch(RoutingContext ctx) {
    String path = decodedPath(ctx, API);
    try {
      switch (path) {
        case "token" -> text(ctx, account.writeToken());
        case "user-info" -> ApiRoutes.sendJson(ctx, 200, json().userInfo(account.username()));
        case "tag/list" -> conditionalJson(ctx, json().tagList(), FeedSpec.EMPTY_FEED_UPDATED);
        case "subscription/list" -> subscriptions(ctx);
        case "unread-count" -> unreadCounts(ctx);
        case "stream/items/ids" -> streams.ids(ctx);
        case "stream/items/contents" -> streams.items(ctx);
        case "stream/contents" -> streams.contents(ctx, null);
        case "edit-tag" -> write(ctx, this::editTag);
        case "mark-all-as-read" -> write(ctx, this::markAllAsRead);
        default -> {
          if (path.startsWith("stream/contents/")) {
            streams.contents(ctx, path.substring("stream/contents/".length()));
          } else if (UNSUPPORTED_WRITES.contains(path)) {
            Errors.send(
                ctx,
                501,
                path
                    + " is not served: sources are managed with /api/sources, topics in the"
                    + " taxonomy (topics.file)");
          } else {
            ApiRoutes.sendEncoded(ctx, 200, "[]");
          }
        }
      }
    } catch (IllegalArgumentException e) {
      Errors.send(ctx, 400, e.getMessage());
    }
  }

  private GoogleReaderJson json() {
    return new GoogleReaderJson(site.publicUrl(), site.topics());
  }

  private void subscriptions(RoutingContext ctx) {
    vertx
        .eventBus()
        .<ReaderSources>request(Addresses.STORE_READER_SOURCES, false)
        .onSuccess(
            reply -> {
              Instant newest =
                  reply.body().items().stream()
                      .map(ReaderSources.Entry::newest)
                      .filter(t -> t != null)
                      .max(Instant::compareTo)
                      .orElse(FeedSpec.EMPTY_FEED_UPDATED);
              conditionalJson(ctx, json().subscriptions(reply.body()), newest);
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private void unreadCounts(RoutingContext ctx) {
    vertx
        .eventBus()
        .<UnreadCounts>request(Addresses.STORE_UNREAD_COUNTS, null)
        .onSuccess(reply -> ApiRoutes.sendJson(ctx, 200, json().unreadCounts(reply.body())))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  private interface Write {
    void run(RoutingContext ctx);
  }

  /**
   * A write: the {@code T} token first (query or form), else 401 with the bad-token signal. The
   * token {@code /token} hands out, or the Auth token itself, which clients written for Miniflux
   * send (there the two are one): either is a secret a forged cross-site form cannot carry.
   */
  private void write(RoutingContext ctx, Write write) {
    if (ctx.request().method() != HttpMethod.POST) {
      ctx.response().putHeader("Allow", "POST");
      Errors.send(ctx, 405, "a write: POST it, with the T token");
      return;
    }
    String t = ctx.request().getParam("T");
    String given = t == null ? null : t.trim();
    if (!account.acceptsWriteToken(given) && !account.acceptsAuthToken(given)) {
      ctx.response().putHeader("X-Reader-Google-Bad-Token", "true");
      Errors.send(ctx, 401, "missing or wrong T token (GET /reader/api/0/token gives it)");
      return;
    }
    write.run(ctx);
  }

  /**
   * {@code edit-tag}: items {@code i} (any of the four id forms) get the states in {@code a} and
   * lose those in {@code r}: read, kept-unread (unread), starred. Google's states Tributary does
   * not keep (tracking-…, broadcast, like, fresh) are ignored; labels are topics, which only the
   * taxonomy sets: a 400.
   */
  private void editTag(RoutingContext ctx) {
    List<Long> seqs = new ArrayList<>();
    for (String id : ctx.request().params().getAll("i")) seqs.add(ItemIds.parse(id));
    if (seqs.isEmpty()) throw new IllegalArgumentException("i: no item given");
    if (seqs.size() > StreamQueries.MAX_IDS) {
      throw new IllegalArgumentException("i: at most " + StreamQueries.MAX_IDS + " items at once");
    }
    EditTags tags =
        EditTags.of(ctx.request().params().getAll("a"), ctx.request().params().getAll("r"));
    if (tags.read() == null && tags.starred() == null) {
      text(ctx, "OK");
      return;
    }
    vertx
        .eventBus()
        .<Integer>request(
            Addresses.STORE_READER_CHANGE, new StateChange(seqs, tags.read(), tags.starred()))
        .onSuccess(reply -> text(ctx, "OK"))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * {@code mark-all-as-read}: the stream {@code s}, its unread articles stored up to {@code ts}
   * (microseconds, as Google's clients send it, or seconds), or up to now without one.
   */
  private void markAllAsRead(RoutingContext ctx) {
    String s = ctx.request().getParam("s");
    if (s == null || s.isBlank()) throw new IllegalArgumentException("s: which stream?");
    Stream stream = new Streams(site.topics()).parse(s);
    Instant before = timestamp(ctx.request().getParam("ts"));
    if (stream.empty() || Boolean.TRUE.equals(stream.read())) {
      text(ctx, "OK");
      return;
    }
    ReaderScope scope = stream.scope();
    if (Boolean.TRUE.equals(stream.starred())) {
      throw new IllegalArgumentException("s: mark-all-as-read takes a feed, a label or everything");
    }
    vertx
        .eventBus()
        .<Integer>request(Addresses.STORE_READER_MARK_ALL, new MarkAllRead(scope, before))
        .onSuccess(reply -> text(ctx, "OK"))
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /** {@code ts}: microseconds when it has 16 digits or more, else seconds; absent: now. */
  static Instant timestamp(String ts) {
    if (ts == null || ts.isBlank()) return Instant.now();
    try {
      long value = Long.parseLong(ts.trim());
      if (value < 0) throw new NumberFormatException();
      return ts.trim().length() >= 16
          ? Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000)
          : Instant.ofEpochSecond(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ts: expected microseconds or seconds since 1970");
    }
  }

  /** A JSON answer with an ETag and Last-Modified, so clients can ask again for a 304. */
  private static void conditionalJson(RoutingContext ctx, JsonObject json, Instant lastModified) {
    ConditionalResponse.send(
        ctx,
        CachedResponse.of(
            RenderedFeed.of(json.encode(), "application/json; charset=utf-8", lastModified)),
        ConditionalResponse.REVALIDATE);
  }

  static void text(RoutingContext ctx, String body) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }

  /**
   * The request path after {@code prefix}, percent-decoded ({@code +} stays a plus). From the
   * normalised path: newsboat, given a {@code feedhq-url} that ends in a slash, asks for {@code
   * //reader/api/0/…}.
   */
  static String decodedPath(RoutingContext ctx, String prefix) {
    String path = ctx.normalizedPath();
    String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
    try {
      return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the path is not percent-encoded properly");
    }
  }
}
