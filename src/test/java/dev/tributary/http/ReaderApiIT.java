package dev.tributary.http;

import static dev.tributary.http.ReaderClient.enc;
import static dev.tributary.http.ReaderClient.form;
import static dev.tributary.http.ReaderClient.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google Reader API (docs/ARCHITECTURE.md, "Reader apps") endpoint by endpoint, on a real
 * server with SQLite on disk: logins good and bad, every read, the writes with and without their T
 * token, and state that survives a restart.
 */
class ReaderApiIT extends WithReaderAccount {
  static final String READ = "user/-/state/com.google/read";
  static final String STARRED = "user/-/state/com.google/starred";
  static final String READING_LIST = "user/-/state/com.google/reading-list";

  ReaderClient app;

  /** Sequence numbers of the three articles, oldest first. */
  List<Long> seqs;

  @BeforeEach
  void login() throws Exception {
    app = new ReaderClient(server).login();
    seqs = refs(app.getJson("/reader/api/0/stream/items/ids?s=" + READING_LIST + "&r=o"));
    assertEquals(3, seqs.size());
  }

  @Test
  void clientLoginAnswersTheTokenAsLinesOrJsonAndRefusesABadPassword() throws Exception {
    ReaderClient anonymous = new ReaderClient(server);
    HttpResponse<String> ok =
        anonymous.post(
            "/accounts/ClientLogin",
            form("Email", ReaderClient.USER, "Passwd", ReaderClient.PASSWORD));
    assertTrue(ok.body().matches("(?s)SID=\\w+\nLSID=\\w+\nAuth=\\w+\n"), ok.body());
    assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
    JsonObject json =
        anonymous.postJson(
            "/accounts/ClientLogin?output=json",
            form("Email", ReaderClient.USER, "Passwd", ReaderClient.PASSWORD));
    assertEquals(app.auth, json.getString("Auth"), "the same token for the same account");

    HttpResponse<String> bad =
        anonymous.post("/accounts/ClientLogin", form("Email", ReaderClient.USER, "Passwd", "nope"));
    assertEquals(401, bad.statusCode());
    assertEquals("Error=BadAuthentication\n", bad.body());
    assertEquals(
        401,
        anonymous
            .post(
                "/accounts/ClientLogin", form("Email", "someone", "Passwd", ReaderClient.PASSWORD))
            .statusCode());
  }

  @Test
  void fiveFailedLoginsAMinuteThenTheAddressWaits() throws Exception {
    ReaderClient guesser = new ReaderClient(server);
    for (int i = 0; i < LoginLimit.FAILURES; i++) {
      assertEquals(
          401,
          guesser
              .post("/accounts/ClientLogin", form("Email", "x", "Passwd", "guess" + i))
              .statusCode());
    }
    HttpResponse<String> limited =
        guesser.post(
            "/accounts/ClientLogin",
            form("Email", ReaderClient.USER, "Passwd", ReaderClient.PASSWORD));
    assertEquals(429, limited.statusCode(), "even the right password waits: " + limited.body());
    long wait = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    assertTrue(new JsonObject(limited.body()).getString("error").contains("too many"));
  }

  @Test
  void everyApiCallNeedsTheGoogleLoginHeader() throws Exception {
    ReaderClient anonymous = new ReaderClient(server);
    for (String path :
        List.of(
            "/reader/api/0/token", "/reader/api/0/subscription/list", "/reader/atom/feed%2Fapi")) {
      HttpResponse<String> r = anonymous.get(path);
      assertEquals(401, r.statusCode(), path);
      assertTrue(new JsonObject(r.body()).getString("error").contains("GoogleLogin"), r.body());
    }
    anonymous.auth = "0".repeat(64);
    assertEquals(401, anonymous.get("/reader/api/0/user-info").statusCode());
    assertEquals(
        401,
        anonymous
            .get("/reader/api/0/user-info", "Authorization", "Bearer " + server.token)
            .statusCode(),
        "the API token is not the reader's");
  }

  @Test
  void tokenUserInfoAndTagListDescribeTheAccountAndItsTopicsAsLabels() throws Exception {
    String t = app.token();
    assertEquals(64, t.length());
    JsonObject user = app.getJson("/reader/api/0/user-info");
    assertEquals(ReaderClient.USER, user.getString("userName"));
    JsonArray tags = app.getJson("/reader/api/0/tag/list?output=json").getJsonArray("tags");
    assertEquals(STARRED, tags.getJsonObject(0).getString("id"));
    JsonObject ketamine = find(tags, "id", "user/-/label/Ketamine");
    assertEquals("Ketamine", ketamine.getString("label"));
    assertEquals("tag", ketamine.getString("type"));
    assertNotNull(find(tags, "id", "user/-/label/Treatment-resistant depression"));
  }

  @Test
  void subscriptionListHasEverySourceAndAnswers304WhenNothingChanged() throws Exception {
    HttpResponse<String> r = app.get("/reader/api/0/subscription/list?output=json");
    JsonArray subs = new JsonObject(r.body()).getJsonArray("subscriptions");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < subs.size(); i++) ids.add(subs.getJsonObject(i).getString("id"));
    assertEquals(Set.of("feed/api", "feed/api:news", "feed/inbox"), ids, "the inbox too");
    JsonObject news = find(subs, "id", "feed/api:news");
    assertEquals("news", news.getString("title"));
    assertEquals(new JsonArray(), news.getJsonArray("categories"), "topics label items, not feeds");
    assertTrue(news.getString("url").endsWith("/api/timeline?source=api%3Anews"), news.encode());
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        app.get("/reader/api/0/subscription/list?output=json", "If-None-Match", etag).statusCode());
  }

  @Test
  void unreadCountGoesBySourceLabelAndReadingList() throws Exception {
    JsonArray counts =
        app.getJson("/reader/api/0/unread-count?output=json").getJsonArray("unreadcounts");
    assertEquals(2, find(counts, "id", "feed/api:news").getLong("count"));
    assertEquals(1, find(counts, "id", "feed/api").getLong("count"));
    assertEquals(3, find(counts, "id", "user/-/label/Ketamine").getLong("count"));
    assertEquals(3, find(counts, "id", READING_LIST).getLong("count"));
    assertTrue(
        find(counts, "id", READING_LIST).getString("newestItemTimestampUsec").length() >= 16);
  }

  @Test
  void streamContentsGivesItemsWithStateLabelsAndAStableContinuation() throws Exception {
    JsonObject first =
        app.getJson("/reader/api/0/stream/contents/" + enc(READING_LIST) + "?n=2&output=json");
    assertEquals(READING_LIST, first.getString("id"));
    assertNotNull(first.getLong("updated"));
    JsonArray items = first.getJsonArray("items");
    assertEquals(2, items.size());
    JsonObject newest = items.getJsonObject(0);
    assertEquals(longId(seqs.get(2)), newest.getString("id"));
    assertEquals("Clinic notes", newest.getString("title"));
    assertTrue(newest.getJsonArray("categories").contains("user/-/label/Ketamine"));
    assertFalse(newest.getJsonArray("categories").contains(READ));
    assertEquals("feed/api", newest.getJsonObject("origin").getString("streamId"));
    assertTrue(newest.getJsonObject("summary").getString("content").contains("infusion clinics"));
    assertNotNull(newest.getString("crawlTimeMsec"));
    post("Arrives meanwhile", "news", "Ketamine infusions in a new hospital wing.");
    JsonObject second =
        app.getJson(
            "/reader/api/0/stream/contents/"
                + enc(READING_LIST)
                + "?n=2&c="
                + first.getString("continuation"));
    assertEquals(1, second.getJsonArray("items").size(), "nothing skipped or repeated");
    assertEquals(
        longId(seqs.get(0)), second.getJsonArray("items").getJsonObject(0).getString("id"));
    assertNull(second.getString("continuation"), "the last page has none");

    JsonObject label =
        app.getJson("/reader/api/0/stream/contents?s=" + enc("user/-/label/Ketamine") + "&n=10");
    assertEquals(4, label.getJsonArray("items").size(), "the three and the new one");
    JsonObject feed = app.getJson("/reader/api/0/stream/contents/feed%2Fapi%3Anews");
    assertEquals(3, feed.getJsonArray("items").size());
  }

  @Test
  void streamItemIdsHonourExcludeIncludeOldestFirstAndTime() throws Exception {
    markRead(seqs.get(0));
    star(seqs.get(1));
    String s = "/reader/api/0/stream/items/ids?output=json&s=";
    assertEquals(
        List.of(seqs.get(2), seqs.get(1)), refs(app.getJson(s + READING_LIST + "&xt=" + READ)));
    assertEquals(List.of(seqs.get(0)), refs(app.getJson(s + READING_LIST + "&it=" + READ)));
    assertEquals(List.of(seqs.get(0)), refs(app.getJson(s + READ)));
    assertEquals(List.of(seqs.get(1)), refs(app.getJson(s + STARRED)));
    assertEquals(seqs, refs(app.getJson(s + READING_LIST + "&r=o")));
    long future = System.currentTimeMillis() / 1000 + 3600;
    assertEquals(List.of(), refs(app.getJson(s + READING_LIST + "&ot=" + future)));
    assertEquals(3, refs(app.getJson(s + READING_LIST + "&nt=" + future)).size());
    JsonObject page = app.getJson(s + READING_LIST + "&n=2");
    assertEquals(List.of(seqs.get(2), seqs.get(1)), refs(page));
    assertEquals(
        List.of(seqs.get(0)),
        refs(app.getJson(s + READING_LIST + "&n=2&c=" + page.getString("continuation"))));
    assertEquals(400, app.get(s + "bogus").statusCode());
    assertEquals(400, app.get("/reader/api/0/stream/items/ids").statusCode(), "no s");
    assertEquals(400, app.get(s + READING_LIST + "&c=notours").statusCode());
    assertEquals(
        List.of(),
        refs(app.getJson(s + "user/-/label/No+such+topic")),
        "an unknown label is empty");
  }

  @Test
  void itemContentsTakesTheFourIdForms() throws Exception {
    long a = seqs.get(0);
    long b = seqs.get(1);
    long c = seqs.get(2);
    JsonObject answer =
        app.postJson(
            "/reader/api/0/stream/items/contents?output=json",
            form(
                "i", Long.toString(a),
                "i", longId(b),
                "i", "tag:google.com,2005:reader/item/" + Long.toHexString(c),
                "i", String.format("%016x", a)));
    JsonArray items = answer.getJsonArray("items");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) ids.add(items.getJsonObject(i).getString("id"));
    assertEquals(List.of(longId(a), longId(b), longId(c)), ids, "in the order asked, once each");
    HttpResponse<String> bad =
        app.post("/reader/api/0/stream/items/contents", form("i", "not-an-id"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("not an item id"), bad.body());
  }

  @Test
  void editTagMarksReadUnreadStarredAndNeedsTheWriteToken() throws Exception {
    String t = app.token();
    long a = seqs.get(0);
    HttpResponse<String> missing =
        app.post("/reader/api/0/edit-tag", form("i", Long.toString(a), "a", READ));
    assertEquals(401, missing.statusCode());
    assertEquals("true", missing.headers().firstValue("X-Reader-Google-Bad-Token").orElse(""));
    HttpResponse<String> wrong =
        app.post("/reader/api/0/edit-tag", form("i", Long.toString(a), "a", READ, "T", "x"));
    assertEquals(401, wrong.statusCode(), "a placeholder is not a token");
    assertEquals(
        405, app.get("/reader/api/0/edit-tag?i=" + a + "&a=" + READ + "&T=" + t).statusCode());
    assertEquals(3, unread());

    HttpResponse<String> ok =
        app.post("/reader/api/0/edit-tag", form("i", longId(a), "a", READ, "a", STARRED, "T", t));
    assertEquals("OK", ok.body());
    assertEquals(2, unread());
    assertEquals(List.of(a), refs(app.getJson("/reader/api/0/stream/items/ids?s=" + STARRED)));
    app.post(
        "/reader/api/0/edit-tag",
        form(
            "i",
            Long.toString(a),
            "r",
            READ,
            "a",
            "user/-/state/com.google/kept-unread",
            "a",
            "user/-/state/com.google/tracking-kept-unread",
            "T",
            t));
    assertEquals(3, unread(), "newsboat's way of marking unread");
    HttpResponse<String> label =
        app.post(
            "/reader/api/0/edit-tag",
            form("i", Long.toString(a), "a", "user/-/label/Mine", "T", t));
    assertEquals(400, label.statusCode());
    assertTrue(label.body().contains("topics"), label.body());
    assertEquals(
        400, app.post("/reader/api/0/edit-tag", form("a", READ, "T", t)).statusCode(), "no i");
  }

  @Test
  void editTagTakesAThousandItemsInOneForm() throws Exception {
    StringBuilder form = new StringBuilder("T=" + app.token() + "&a=" + enc(READ));
    for (long i = 1; i <= 1000; i++) form.append("&i=").append(i); // most unknown: ignored
    HttpResponse<String> r = app.post("/reader/api/0/edit-tag", form.toString());
    assertEquals("OK", r.body());
    assertEquals(0, unread());
  }

  @Test
  void markAllAsReadStopsAtItsTimestampAndStaysInItsStream() throws Exception {
    String t = app.token();
    HttpResponse<String> missing =
        app.post("/reader/api/0/mark-all-as-read", form("s", "feed/api:news"));
    assertEquals(401, missing.statusCode());
    long before = (System.currentTimeMillis() - 1) * 1000; // microseconds, as clients send them
    post("Later news", "news", "Ketamine news arrives after the reader looked.");
    assertEquals(
        "OK",
        app.post(
                "/reader/api/0/mark-all-as-read",
                form("s", "feed/api:news", "ts", Long.toString(before), "T", t))
            .body());
    JsonArray counts = app.getJson("/reader/api/0/unread-count").getJsonArray("unreadcounts");
    assertEquals(1, find(counts, "id", "feed/api:news").getLong("count"), "the later one stays");
    assertEquals(1, find(counts, "id", "feed/api").getLong("count"), "another source is untouched");
    app.post("/reader/api/0/mark-all-as-read", form("s", "user/-/label/Ketamine", "T", t));
    assertEquals(0, unread());
  }

  @Test
  void theAtomStreamCarriesItemIdsAndReadStateAsGoogleCategories() throws Exception {
    markRead(seqs.get(0));
    HttpResponse<String> r = app.get("/reader/atom/feed%2Fapi%3Anews?n=10");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    String xml = r.body();
    dev.tributary.AtomSchema.assertValid(xml);
    assertTrue(xml.contains("<id>" + longId(seqs.get(0)) + "</id>"), xml);
    String read =
        "<category term=\"user/-/state/com.google/read\" label=\"read\""
            + " scheme=\"http://www.google.com/reader/\" />";
    assertEquals(1, count(xml, read), "one read entry: " + xml);
    assertEquals(1, count(xml, "label=\"fresh\""), "one unread entry");
    assertTrue(xml.contains("term=\"user/-/label/Ketamine\""));
    assertEquals(1, count(app.get("/reader/atom/feed%2Fapi%3Anews?n=1").body(), "<entry>"));
    assertEquals(400, app.get("/reader/atom/nonsense").statusCode());
  }

  @Test
  void unknownPathsAnswerAnEmptyListAndUnsupportedWritesSayWhy() throws Exception {
    HttpResponse<String> pref = app.get("/reader/api/0/preference/stream/list?output=json");
    assertEquals(200, pref.statusCode());
    assertEquals("[]", pref.body());
    HttpResponse<String> quickadd =
        app.post(
            "/reader/api/0/subscription/quickadd", form("quickadd", "https://example.org/feed"));
    assertEquals(501, quickadd.statusCode());
    assertTrue(quickadd.body().contains("/api/sources"), quickadd.body());
  }

  @Test
  void theStateSurvivesARestart() throws Exception {
    markRead(seqs.get(1));
    server.running.stop(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir, ReaderClient.account());
    ReaderClient again = new ReaderClient(server);
    again.auth = app.auth;
    assertEquals(200, again.get("/reader/api/0/user-info").statusCode(), "the token survives too");
    assertEquals(
        List.of(seqs.get(1)), refs(again.getJson("/reader/api/0/stream/items/ids?s=" + READ)));
  }

  @Test
  void withoutAnAccountTheReaderApisAreNotThere() throws Exception {
    Vertx other = TestServer.newVertx();
    try {
      TestServer plain = TestServer.start(other, dataDir.resolve("plain"));
      assertEquals(
          404,
          plain
              .post(
                  "/accounts/ClientLogin",
                  "application/x-www-form-urlencoded",
                  "Email=a&Passwd=b",
                  null)
              .statusCode());
      assertEquals(404, plain.get("/reader/api/0/token").statusCode());
      assertEquals(404, plain.get("/fever/?api").statusCode());
    } finally {
      other.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  void markRead(long seq) throws Exception {
    assertEquals(
        "OK",
        app.post(
                "/reader/api/0/edit-tag",
                form("i", Long.toString(seq), "a", READ, "T", app.token()))
            .body());
  }

  void star(long seq) throws Exception {
    app.post(
        "/reader/api/0/edit-tag", form("i", Long.toString(seq), "a", STARRED, "T", app.token()));
  }

  long unread() throws Exception {
    return refs(app.getJson("/reader/api/0/stream/items/ids?s=" + READING_LIST + "&xt=" + READ))
        .size();
  }

  static String longId(long seq) {
    return String.format("tag:google.com,2005:reader/item/%016x", seq);
  }

  static JsonObject find(JsonArray array, String key, String value) {
    for (int i = 0; i < array.size(); i++) {
      if (value.equals(array.getJsonObject(i).getString(key))) return array.getJsonObject(i);
    }
    throw new AssertionError("no " + key + "=" + value + " in " + array.encode());
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
