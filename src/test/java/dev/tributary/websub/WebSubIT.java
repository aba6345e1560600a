package dev.tributary.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
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
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put("http", new JsonObject().put("publicUrl", PUBLIC_URL))
                .put(
                    "fetch",
                    new JsonObject().put("allowPrivateAddresses", true).put("timeoutMs", 5000)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String subscribe() throws Exception {
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
    for (Object o : new JsonArray(server.get("/api/sources").body())) {
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

  HttpResponse<String> push(String id, String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl + "/websub/" + id))
            .header("Content-Type", "application/rss+xml")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) request.header("X-Hub-Signature", signature);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String verification(String id, String mode, String topic, String challenge) throws Exception {
    return "/websub/"
        + id
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
    assertEquals(PUBLIC_URL + "/websub/" + id, form.get("hub.callback"));
    String secret = form.get("hub.secret");
    assertNotNull(secret);
    assertTrue(secret.length() >= 32 && secret.length() < 200, secret);
    assertEquals(String.valueOf(7 * 24 * 3600), form.get("hub.lease_seconds"));
    TestServer.awaitCondition("the challenge echoed", () -> "ch4llenge".equals(echoed.get()));
  }

  @Test
  void verificationEchoesTheChallengeOnlyForTheSubscribedTopic() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the hub is asked", () -> hubRequest.get() != null);
    String topic = web.url("/feed.xml");
    var right = server.get(verification(id, "subscribe", topic, "abc123"));
    assertEquals(200, right.statusCode());
    assertEquals("abc123", right.body());
    assertEquals(
        404, server.get(verification(id, "subscribe", web.url("/other.xml"), "x")).statusCode());
    assertEquals(404, server.get(verification(id, "unsubscribe", topic, "x")).statusCode());
    assertEquals(
        404, server.get(verification("snosuchsource", "subscribe", topic, "x")).statusCode());
  }

  @Test
  void aSignedPushIsIngestedAtOnceAndABadlySignedOneIsIgnored() throws Exception {
    String id = subscribe();
    TestServer.awaitCondition("the first poll stored", () -> stored("Opening hours"));
    TestServer.awaitCondition("the challenge echoed", () -> echoed.get() != null);
    String secret = hubRequest.get().get("hub.secret");

    String forged = feed("Forged entry");
    var ignored = push(id, forged, PushSignature.sign("sha256", "not-the-secret", bytes(forged)));
    assertEquals(202, ignored.statusCode(), "a bad signature is acknowledged and ignored (§8)");
    assertEquals(202, push(id, forged, null).statusCode(), "so is a missing one");

    String pushed = feed("New ketamine clinic", "Opening hours");
    var accepted = push(id, pushed, PushSignature.sign("sha512", secret, bytes(pushed)));
    assertEquals(202, accepted.statusCode());
    TestServer.awaitCondition(
        "the pushed entry stored", Duration.ofSeconds(5), () -> stored("New ketamine clinic"));
    assertFalse(stored("Forged entry"), "the badly signed push was not ingested");
    assertEquals(410, push("snosuchsource", pushed, null).statusCode(), "no subscription: gone");
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
