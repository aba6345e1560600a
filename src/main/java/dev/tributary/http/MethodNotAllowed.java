package dev.tributary.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * 405 with the {@code Allow} header listing the methods the path does take (RFC 9110 §15.5.6); 404
 * when no route of the path takes any method, so an unknown path is not found whatever its method.
 */
final class MethodNotAllowed {
  private MethodNotAllowed() {}

  static void send(Router router, RoutingContext ctx) {
    String path = ctx.request().path();
    Set<String> allowed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String pattern = route.getPath();
      if (pattern == null || route.methods() == null || !matches(pattern, path)) continue;
      route.methods().stream().map(HttpMethod::name).forEach(allowed::add);
    }
    if (allowed.isEmpty()) {
      // only a method-filtered catch-all (the token check on /api/* writes) matched the path
      Errors.send(ctx, 404, "not found");
      return;
    }
    ctx.response().putHeader("Allow", String.join(", ", allowed));
    Errors.send(
        ctx,
        405,
        "method " + ctx.request().method() + " not allowed; use " + String.join(", ", allowed));
  }

  static boolean matches(String routePath, String requestPath) {
    String regex = Pattern.quote(routePath).replaceAll(":[A-Za-z0-9_]+", "\\\\E[^/]+\\\\Q");
    return requestPath.matches(regex);
  }
}
