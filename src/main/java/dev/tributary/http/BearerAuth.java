package dev.tributary.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets a request through only with {@code Authorization: Bearer <api.token>}; else 401. */
public final class BearerAuth implements Handler<RoutingContext> {
  private final byte[] token;

  public BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String prefix = "Bearer ";
    boolean ok =
        header != null
            && header.regionMatches(true, 0, prefix, 0, prefix.length())
            && MessageDigest.isEqual(
                token, header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8));
    if (ok) {
      ctx.next();
    } else {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tributary\"");
      Errors.send(ctx, 401, "missing or wrong bearer token (Authorization: Bearer <api.token>)");
    }
  }
}
