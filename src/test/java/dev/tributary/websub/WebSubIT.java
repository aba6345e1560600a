package dev.tributary.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.bus.Addresses;
import dev.tributary.sources.WebServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSub against a local server that plays both the feed and its hub. The hub verifies intent
 * before it answers the subscription request (as many real hubs do), against the test's Tributary,
 * so the whole handshake runs inside one poll.
 */
class WebSubIT {
  static final String PUBLIC_URL = "https://tributary.example";

  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  WebServer web;
  final AtomicReference<MultiMap> hubRequest = new AtomicReference<>();
  final AtomicReference<String> echoed = new AtomicReference<>();
  final HttpClient http = HttpClient.newHttpClient();

  String feed(String... items) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
                + "<channel><title>Clinic news</title><link>http://clinic.example/</link>"
                + "<description>News</description><ttl>60</ttl>"
                + "<atom:link rel=\"hub\" href=\""
                + web.url("/hub")
                + "\"/><atom:link rel=\"self\" href=\""
                + web.url("/feed.xml")
                + "\"/>");
    for (String title : items) {
      xml.append("<item><title>")
          .append(title)
          .append("</title><guid>")
          .append(title.replace(' ', '-'))
          .append("</guid><description>")
          .append(title)
          .append(" is news about the clinic and its ketamine infusions.</description></item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = WebServer.start(vertx);
    WebClient client = WebClient.create(vertx);
    web.router
        .get("/feed.xml")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/rss+xml")
                    .end(feed("Opening hours")));
    web.router
        .post("/hub")
        .handler(BodyHandler.create())
        .handler(
            ctx -> {
              MultiMap form = ctx.request().formAttributes();
              hubRequest.set(MultiMap.caseInsensitiveMultiMap().addAll(form));
              String callback = form.get("hub.callback");
              String path = URI.create(callback).getPath();
              client
                  .getAbs(
                      server.baseUrl
                          + path
                          + "?hub.mode=subscribe&hub.challenge=ch4llenge&hub.lease_seconds=86400"
                          + "&hub.topic="
                          + URLEncoder.encode(form.get("hub.topic"), StandardCharsets.UTF_8))
                  .send()
                  .onComplete(
                      verified -> {
                        if (verified.succeeded() && verified.result().statusCode() == 200)
                          echoed.set(verified.result().bodyAsString());
                        ctx.response().setStatusCode(202).end();
                      });
            });
  }

  /** The local hub is plain http: allowed unless a test says otherwise before subscribing. */
  boolean insecureHubsAllowed = true;

  void startTributary() throws Exception {
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put("http", new JsonObject().put("publicUrl", PUBLIC_URL))
                .put("websub", new JsonObject().put("allowInsecureHubs", insecureHubsAllowed))
                .put(
                    "fetch",
                    new JsonObject().put("allowPrivateAddresses", true).put("timeoutMs", 5000)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String subscribe() throws Exception {
    startTributary();
    var response =
        server.post(
            "/api/sources",
            "application/json",
            new JsonObject().put("url", web.url("/feed.xml")).encode(),
            server.token);
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body()).getString("id");
  }

  JsonObject source(String id) throws Exception {
    for (Object o : new JsonArray(server.getWithToken("/api/sources").body())) {
      if (((JsonObject) o).getString("id").equals(id)) return (JsonObject) o;
    }
    throw new AssertionError("no source " + id);
  }

  boolean stored(String title) {
    try {
      return server.get("/api/timeline").body().contains(title);
    } catch (Exception e) {
      return false;
    }
  }

  /** The callback path the hub was given: {@code /websub/<source id>/<token>}. */
  String callbackPath() {
    return URI.create(hubRequest.get().get("hub.callback")).getPath();
  }

  HttpResponse<String> push(String path, String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl + path))
            .header("Content-Type", "application/rss+xml")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) request.header("X-Hub-Signature", signature);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String verification(String path, String mode, String topic, String challenge) {
    return path
        + "?hub.mode="
        + mode
        + "&hub.topic="
        + URLEncoder.encode(topic, StandardCharsets.UTF_8)
        + "&hub.challenge="
        + challenge
        + "&hub.lease_seconds=3600";
  }

  @Test
  void aFeedWithAHubIsSubscribedWithTheRightFields() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the hub is asked", () -> hubRequest.get() != null);
    MultiMap form = hubRequest.get();
    assertEquals("subscribe", form.get("hub.mode"));
    assertEquals(web.url("/feed.xml"), form.get("hub.topic"), "the feed's self URL");
    String callback = form.get("hub.callback");
    assertTrue(callback.startsWith(PUBLIC_URL + "/websub/" + id + "/"), callback);
    String token = callback.substring(callback.lastIndexOf('/') + 1);
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + token);
    String secret = form.get("hub.secret");
    assertNotNull(secret);
    assertTrue(secret.length() >= 32 && secret.length() < 200, secret);
    assertFalse(secret.equals(token), "the secret and the callback token are different");
    assertEquals(String.valueOf(7 * 24 * 3600), form.get("hub.lease_seconds"));
    TestServer.awaitCondition("the challenge echoed", () -> "ch4llenge".equals(echoed.get()));
  }

  @Test
  void verificationEchoesTheChallengeOnlyForTheSubscribedTopic() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the hub is asked", () -> hubRequest.get() != null);
    String topic = web.url("/feed.xml");
    String path = callbackPath();
    var right = server.get(verification(path, "subscribe", topic, "abc123"));
    assertEquals(200, right.statusCode());
    assertEquals("abc123", right.body());
    assertEquals(
        404, server.get(verification(path, "subscribe", web.url("/other.xml"), "x")).statusCode());
    assertEquals(404, server.get(verification(path, "unsubscribe", topic, "x")).statusCode());
    assertEquals(
        404,
        server.get(verification("/websub/snosuchsource/x", "subscribe", topic, "x")).statusCode());
  }

  /** The subscription as the store holds it, asked over the test's own event bus. */
  HubSubscription subscription(String id) {
    try {
      return vertx
          .eventBus()
          .<HubSubscription>request(Addresses.STORE_HUB_SUBSCRIPTION, id)
          .map(m -> m.body())
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot read the subscription of " + id, e);
    }
  }

  @Test
  void forgedVerificationsAndDenialsChangeNothingAndTheHubsOwnWork() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the challenge echoed", () -> echoed.get() != null);
    TestServer.awaitCondition(
        "the subscription active", () -> HubSubscription.ACTIVE.equals(subscription(id).state()));
    HubSubscription before = subscription(id);
    String topic = web.url("/feed.xml");
    String path = callbackPath();
    int token = path.lastIndexOf('/') + 1;
    // The token is random: one in 64 begins with 'A', so the changed letter must differ from it.
    String wrongToken =
        path.substring(0, token)
            + (path.charAt(token) == 'A' ? "B" : "A")
            + path.substring(token + 1);
    for (String forged :
        new String[] {"/websub/" + id, wrongToken, "/websub/" + id + "/", path + "x"}) {
      for (String mode : new String[] {"denied", "subscribe"}) {
        var answer = server.get(verification(forged, mode, topic, "x") + "0000000");
        assertEquals(404, answer.statusCode(), mode + " at " + forged + ": " + answer.body());
      }
    }
    assertEquals(
        404,
        server.get(verification(path, "denied", topic, "x")).statusCode(),
        "a denial with the right token but no request of ours pending");
    assertEquals(before, subscription(id), "no forged request changed the subscription");

    var renewed = server.get(verification(path, "subscribe", topic, "ok") + "0000000");
    assertEquals(200, renewed.statusCode());
    assertEquals(
        HubSubscription.MAX_LEASE_SECONDS,
        subscription(id).leaseSeconds(),
        "a lease of 36000000000 s is capped at the lease we asked for");
  }

  @Test
  void aPlainHttpHubIsNotAskedUnlessAllowedAndTheSourceKeepsBeingPolled() throws Exception {
    insecureHubsAllowed = false;
    String id = subscribe();
    TestServer.awaitCondition("the first poll stored", () -> stored("Opening hours"));
    TestServer.awaitCondition(
        "the poll saved",
        () -> {
          try {
            return source(id).getString("lastSuccess") != null;
          } catch (Exception e) {
            return false;
          }
        });
    assertNull(hubRequest.get(), "hub.secret was not sent to an http:// hub");
    String next = source(id).getString("nextPoll");
    assertTrue(
        Instant.parse(next).isBefore(Instant.now().plus(Duration.ofHours(2))),
        "polled at its own interval, not the push fallback: " + next);
  }

  @Test
  void aSignedPushIsIngestedAtOnceAndABadlySignedOneIsIgnored() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the first poll stored", () -> stored("Opening hours"));
    TestServer.awaitCondition("the challenge echoed", () -> echoed.get() != null);
    String secret = hubRequest.get().get("hub.secret");

    String path = callbackPath();

    String forged = feed("Forged entry");
    var ignored = push(path, forged, PushSignature.sign("sha256", "not-the-secret", bytes(forged)));
    assertEquals(202, ignored.statusCode(), "a bad signature is acknowledged and ignored (§8)");
    assertEquals(202, push(path, forged, null).statusCode(), "so is a missing one");
    String signedElsewhere = feed("Pushed to the old path");
    String signature = PushSignature.sign("sha256", secret, bytes(signedElsewhere));
    assertEquals(404, push("/websub/" + id, signedElsewhere, signature).statusCode());
    assertEquals(404, push(path + "x", signedElsewhere, signature).statusCode());

    String pushed = feed("New ketamine clinic", "Opening hours");
    var accepted = push(path, pushed, PushSignature.sign("sha512", secret, bytes(pushed)));
    assertEquals(202, accepted.statusCode());
    TestServer.awaitCondition(
        "the pushed entry stored", Duration.ofSeconds(5), () -> stored("New ketamine clinic"));
    assertFalse(stored("Forged entry"), "the badly signed push was not ingested");
    assertFalse(stored("Pushed to the old path"), "a push off the secret path was not ingested");
    assertEquals(
        410, push("/websub/snosuchsource/x", pushed, null).statusCode(), "no subscription: gone");
  }

  @Test
  void whileTheHubPushesPollingFallsBackToALongInterval() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the challenge echoed", () -> echoed.get() != null);
    TestServer.awaitCondition(
        "the poll saved with the fallback schedule",
        () -> {
          try {
            String next = source(id).getString("nextPoll");
            return next != null
                && Instant.parse(next).isAfter(Instant.now().plus(Duration.ofHours(5)));
          } catch (Exception e) {
            return false;
          }
        });
    assertEquals(3600, source(id).getInteger("intervalSeconds"), "the interval itself is kept");
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
