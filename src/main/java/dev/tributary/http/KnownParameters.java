package dev.tributary.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each API route knows; a request with any other is answered 400 JSON naming
 * it, so junk (cache-busting counters, typos, probes) neither reaches a cache nor silently means
 * nothing. Checked on a route of its own, mounted before the API's routes (and so before any body
 * is read).
 *
 * <p>Feeds, the page, health, metrics and WebSub callbacks are not checked: feed readers add
 * harmless cache-busting parameters to feed URLs, and the feed cache is keyed by the feed alone
 * (only {@code ?before=} is read), so such parameters are ignored and cost nothing.
 */
final class KnownParameters {
  private KnownParameters() {}

  /** Mounts the checks; call before the API's routes. */
  static void mount(Router router) {
    check(router, HttpMethod.GET, "/api/timeline", TimelineParams.NAMES);
    check(router, HttpMethod.GET, "/api/articles/:id", Set.of("explain"));
    check(router, HttpMethod.GET, "/api/topics", Set.of());
    check(router, HttpMethod.GET, "/api/stream", Set.of("topic", "lastEventId"));
    check(router, HttpMethod.GET, "/api/sources", Set.of());
    check(router, HttpMethod.POST, "/api/articles", Set.of("title", "source", "url", "published"));
    check(router, HttpMethod.POST, "/api/sources", Set.of());
    check(router, HttpMethod.POST, "/api/sources/opml", Set.of());
    check(router, HttpMethod.DELETE, "/api/sources/:id", Set.of());
    check(router, HttpMethod.POST, "/api/topics/retag", Set.of());
    check(router, HttpMethod.POST, "/api/topics/:slug/examples", Set.of());
  }

  private static void check(Router router, HttpMethod method, String path, Set<String> known) {
    String takes = known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
    router
        .route(method, path)
        .handler(
            ctx -> {
              String unknown = firstUnknown(ctx, known);
              if (unknown == null) {
                ctx.next();
              } else {
                Errors.send(
                    ctx,
                    400,
                    "unknown query parameter '"
                        + unknown
                        + "'; "
                        + method.name()
                        + " "
                        + path
                        + " takes "
                        + takes);
              }
            });
  }

  private static String firstUnknown(RoutingContext ctx, Set<String> known) {
    for (String name : ctx.queryParams().names()) {
      if (!known.contains(name)) return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
    return null;
  }
}
