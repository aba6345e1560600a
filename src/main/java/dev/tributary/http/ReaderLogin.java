package dev.tributary.http;

import dev.tributary.config.ReaderAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The reader account's logins: {@code POST /accounts/ClientLogin} ({@code Email}, {@code Passwd} →
 * {@code SID}, {@code LSID}, {@code Auth}), and the checks of a Fever key, both behind the {@link
 * LoginLimit}. A password is hashed on a worker (about 80 ms, {@link ReaderAccount}), never on the
 * event loop.
 */
final class ReaderLogin {
  private final Vertx vertx;
  private final ReaderAccount account;
  private final LoginLimit limit;

  ReaderLogin(Vertx vertx, ReaderAccount account, LoginLimit limit) {
    this.vertx = vertx;
    this.account = account;
    this.limit = limit;
  }

  ReaderAccount account() {
    return account;
  }

  /**
   * Google's ClientLogin: the form (or query) {@code Email} and {@code Passwd}; answers the token
   * as {@code key=value} lines ({@code output=json}: as JSON), or 401 {@code
   * Error=BadAuthentication}.
   */
  void clientLogin(RoutingContext ctx) {
    if (refusedForNow(ctx)) return;
    String email = ctx.request().getParam("Email");
    String password = ctx.request().getParam("Passwd");
    vertx
        .executeBlocking(() -> account.acceptsPassword(email, password), false)
        .onSuccess(
            ok -> {
              if (!ok) {
                limit.failed(client(ctx), System.currentTimeMillis());
                ctx.response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end("Error=BadAuthentication\n");
                return;
              }
              String auth = account.authToken();
              ctx.response().putHeader("Cache-Control", "no-store");
              if ("json".equals(ctx.request().getParam("output"))) {
                ApiRoutes.sendJson(
                    ctx,
                    200,
                    new JsonObject().put("SID", auth).put("LSID", auth).put("Auth", auth));
              } else {
                ctx.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("SID=" + auth + "\nLSID=" + auth + "\nAuth=" + auth + "\n");
              }
            })
        .onFailure(e -> Errors.fromFailure(ctx, e));
  }

  /**
   * Whether the Fever key is right; a wrong one counts as a failed login. Answers 429 itself (and a
   * failed future) when the client has failed too often.
   */
  Future<Boolean> feverKey(RoutingContext ctx, String apiKey) {
    if (refusedForNow(ctx)) return Future.failedFuture("refused");
    boolean ok = account.acceptsFeverKey(apiKey);
    if (!ok) limit.failed(client(ctx), System.currentTimeMillis());
    return Future.succeededFuture(ok);
  }

  /** 429 with Retry-After while the client's failures are past the limit. */
  private boolean refusedForNow(RoutingContext ctx) {
    long wait = limit.waitSeconds(client(ctx), System.currentTimeMillis());
    if (wait == 0) return false;
    ctx.response().putHeader("Retry-After", Long.toString(wait));
    Errors.send(ctx, 429, "too many failed logins from this address; try again in " + wait + " s");
    return true;
  }

  /** The socket's peer address (no forwarding header is trusted, as for /metrics). */
  private static String client(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }
}
