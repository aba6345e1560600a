package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.sources.FetchException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher's form POST, which WebSub subscription requests use: the body and Content-Type are
 * sent, only 307/308 redirect it, and the SSRF guard applies to the hub and every hop.
 */
class HubRequestIT {
  Vertx vertx;
  WebServer web;
  Fetcher open;
  Fetcher guarded;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    web.router
        .post("/hub")
        .handler(BodyHandler.create())
        .handler(
            ctx -> {
              ctx.response()
                  .setStatusCode(202)
                  .end(ctx.request().getHeader("Content-Type") + "|" + ctx.body().asString());
            });
    web.router.post("/moved").handler(ctx -> redirect(ctx, 307, web.url("/hub")));
    web.router.post("/see-other").handler(ctx -> redirect(ctx, 303, web.url("/hub")));
    web.router
        .post("/to-internal")
        .handler(ctx -> redirect(ctx, 307, "http://internal.example/hub"));
    open = new Fetcher(vertx, FetcherIT.options(true, 10_000, 2));
    int port = URI.create(web.url("/")).getPort();
    guarded =
        new Fetcher(
            vertx,
            FetcherIT.options(false, 10_000, 2),
            host ->
                List.of(
                    InetAddress.getByName(host.equals("hub.example") ? "127.0.0.1" : "10.1.2.3")),
            address ->
                address.getHostAddress().equals("127.0.0.1")
                    ? Optional.empty()
                    : AddressGuard.refusal(address));
    hubUrl = "http://hub.example:" + port;
  }

  String hubUrl;

  static void redirect(io.vertx.ext.web.RoutingContext ctx, int status, String location) {
    ctx.response().setStatusCode(status).putHeader("Location", location).end();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static FetchException failure(Future<FetchResult> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FetchException fe) return fe;
      throw e;
    }
    throw new AssertionError("expected a failure");
  }

  static String text(FetchResult result) {
    return new String(result.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aFormIsPostedWithItsContentType() throws Exception {
    FetchResult result =
        await(open.fetch(FetchRequest.form(web.url("/hub"), "hub.mode=subscribe")));
    assertEquals(202, result.status());
    assertEquals("application/x-www-form-urlencoded|hub.mode=subscribe", text(result));
  }

  @Test
  void onlyA307Or308RedirectsAPostAndTheBodyGoesAlong() throws Exception {
    FetchResult moved = await(open.fetch(FetchRequest.form(web.url("/moved"), "a=b")));
    assertEquals("application/x-www-form-urlencoded|a=b", text(moved));
    FetchException seeOther = failure(open.fetch(FetchRequest.form(web.url("/see-other"), "a=b")));
    assertEquals(Reason.PROTOCOL, seeOther.reason());
  }

  @Test
  void theGuardAppliesToTheHubAndToEveryHop() throws Exception {
    assertEquals(202, await(guarded.fetch(FetchRequest.form(hubUrl + "/hub", "a=b"))).status());
    FetchException metadata =
        failure(guarded.fetch(FetchRequest.form("http://169.254.169.254/hub", "a=b")));
    assertEquals(Reason.BLOCKED_ADDRESS, metadata.reason());
    FetchException hop = failure(guarded.fetch(FetchRequest.form(hubUrl + "/to-internal", "a=b")));
    assertEquals(Reason.BLOCKED_ADDRESS, hop.reason());
    assertTrue(hop.getMessage().contains("internal.example"), hop.getMessage());
  }
}
