package dev.tributary.http;

import dev.tributary.config.TributaryConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may call what, decided before any route's own handlers, in one place (docs/RELIABILITY.md,
 * "Security"):
 *
 * <ul>
 *   <li>every write under {@code /api/} (POST, PUT, PATCH, DELETE) needs the bearer token, checked
 *       before any body is read: these routes come before every route that has a {@code
 *       BodyHandler}, because vertx-web lets no handler precede a {@code BodyHandler} on its own
 *       route, so an anonymous 20 MB upload gets 401 after its headers, not 413 after its body;
 *   <li>{@code GET /api/sources} and {@code /sources.opml} need it unless {@code sources.public}:
 *       they show full feed URLs (private feeds carry tokens in their query strings) and errors;
 *   <li>{@code /metrics} answers only clients in {@code metrics.allowedNetworks} (the socket's peer
 *       address, as Miniflux does; no forwarding header is trusted), 403 JSON for others.
 * </ul>
 */
final class AccessRules {
  private AccessRules() {}

  /** Mounts the rules; call before mounting any other route. */
  static void mount(Router router, BearerAuth auth, TributaryConfig.Access access) {
    router
        .route("/api/*")
        .method(HttpMethod.POST)
        .method(HttpMethod.PUT)
        .method(HttpMethod.PATCH)
        .method(HttpMethod.DELETE)
        .handler(auth);
    if (!access.sourcesPublic()) {
      router.get("/api/sources").handler(auth);
      router.get("/sources.opml").handler(auth);
    }
    router.route("/metrics").handler(ctx -> metricsClient(ctx, access));
  }

  private static void metricsClient(RoutingContext ctx, TributaryConfig.Access access) {
    SocketAddress client = ctx.request().remoteAddress();
    if (client != null && access.metricsAllowedNetworks().allows(client.hostAddress())) {
      ctx.next();
    } else {
      Errors.send(ctx, 403, "/metrics answers only metrics.allowedNetworks");
    }
  }
}
