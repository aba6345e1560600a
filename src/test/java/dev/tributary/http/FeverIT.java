package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Fever API (docs/ARCHITECTURE.md, "Reader apps") on a real server: the key, each read and
 * mark, and the calls Unread and ReadKit make (their sync as their Fever support describes it:
 * groups, feeds, favicons, unread and saved ids, items by id or since an id; marks of items, feeds
 * and groups).
 */
class FeverIT extends WithReaderAccount {
  ReaderClient app;
  String key;

  @BeforeEach
  void login() throws Exception {
    app = new ReaderClient(server);
    key = md5(ReaderClient.USER + ":" + ReaderClient.PASSWORD);
  }

  /** A Fever call as the apps make it: the selectors in the query, the key in a form body. */
  JsonObject fever(String query, String... form) throws Exception {
    List<String> pairs = new ArrayList<>(List.of("api_key", key));
    pairs.addAll(Arrays.asList(form));
    HttpResponse<String> r =
        app.post("/fever/?api" + query, ReaderClient.form(pairs.toArray(String[]::new)));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject json = new JsonObject(r.body());
    assertEquals(3, json.getInteger("api_version"));
    return json;
  }

  static List<Long> ids(String commaSeparated) {
    List<Long> ids = new ArrayList<>();
    for (String id : commaSeparated.split(",")) if (!id.isBlank()) ids.add(Long.parseLong(id));
    return ids;
  }

  @Test
  void theKeyIsTheMd5OfUserAndPasswordAndAWrongOneAnswersAuthZero() throws Exception {
    JsonObject ok = fever("");
    assertEquals(1, ok.getInteger("auth"));
    assertTrue(ok.getLong("last_refreshed_on_time") > 0);
    JsonObject upper =
        new JsonObject(app.post("/fever/?api", "api_key=" + key.toUpperCase()).body());
    assertEquals(1, upper.getInteger("auth"), "hex in either case");
    HttpResponse<String> wrong = app.post("/fever/?api&items", "api_key=" + md5("x:y"));
    assertEquals(200, wrong.statusCode());
    assertEquals(
        new JsonObject().put("api_version", 3).put("auth", 0), new JsonObject(wrong.body()));
    assertEquals(
        1, new JsonObject(app.get("/fever/?api&api_key=" + key).body()).getInteger("auth"), "GET");
    assertEquals(404, app.post("/fever/", "api_key=" + key).statusCode(), "no ?api");
  }

  @Test
  void wrongKeysCountAsFailedLogins() throws Exception {
    for (int i = 0; i < LoginLimit.FAILURES; i++) {
      assertEquals(
          0,
          new JsonObject(app.post("/fever/?api", "api_key=wrong" + i).body()).getInteger("auth"));
    }
    HttpResponse<String> limited = app.post("/fever/?api", "api_key=" + key);
    assertEquals(429, limited.statusCode());
    assertTrue(limited.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void groupsAreTopicsAndFeedsAreSources() throws Exception {
    JsonObject answer = fever("&groups&feeds");
    JsonArray groups = answer.getJsonArray("groups");
    JsonObject ketamine = ReaderApiIT.find(groups, "title", "Ketamine");
    JsonArray feeds = answer.getJsonArray("feeds");
    assertEquals(3, feeds.size(), "inbox, api, api:news");
    JsonObject news = ReaderApiIT.find(feeds, "title", "news");
    JsonObject api = ReaderApiIT.find(feeds, "title", "API");
    assertNotEquals(news.getInteger("id"), api.getInteger("id"));
    assertTrue(news.getLong("last_updated_on_time") > 0);
    JsonArray feedsGroups = answer.getJsonArray("feeds_groups");
    String ketamineFeeds = null;
    for (int i = 0; i < feedsGroups.size(); i++) {
      JsonObject g = feedsGroups.getJsonObject(i);
      if (g.getInteger("group_id").equals(ketamine.getInteger("id")))
        ketamineFeeds = g.getString("feed_ids");
    }
    assertEquals(
        List.of(api.getLong("id"), news.getLong("id")).stream().sorted().toList(),
        ids(ketamineFeeds).stream().sorted().toList(),
        "both sources have Ketamine articles");
    JsonObject again = fever("&feeds");
    assertEquals(
        news.getInteger("id"),
        ReaderApiIT.find(again.getJsonArray("feeds"), "title", "news").getInteger("id"),
        "stable numbers");
  }

  @Test
  void unreadSyncsGroupsFeedsFaviconsIdsAndItemsByIdThenMarks() throws Exception {
    fever("&groups");
    JsonArray feeds = fever("&feeds").getJsonArray("feeds");
    List<Long> feedIds = new ArrayList<>();
    for (int i = 0; i < feeds.size(); i++) feedIds.add(feeds.getJsonObject(i).getLong("id"));
    JsonObject extras = fever("&favicons&links");
    assertEquals(new JsonArray(), extras.getJsonArray("favicons"), "no favicons kept");
    assertEquals(new JsonArray(), extras.getJsonArray("links"), "no hot links");
    List<Long> unread = ids(fever("&unread_item_ids").getString("unread_item_ids"));
    assertEquals(3, unread.size());
    assertEquals("", fever("&saved_item_ids").getString("saved_item_ids"));
    String withIds = String.join(",", unread.stream().map(String::valueOf).toList());
    JsonObject items = fever("&items&with_ids=" + withIds);
    assertEquals(3, items.getLong("total_items"));
    JsonArray list = items.getJsonArray("items");
    assertEquals(3, list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonObject item = list.getJsonObject(i);
      assertInstanceOf(Number.class, item.getValue("id"));
      assertTrue(unread.contains(item.getLong("id")));
      assertTrue(feedIds.contains(item.getLong("feed_id")), "a listed feed: " + item.encode());
      assertEquals(0, item.getInteger("is_read"));
      assertTrue(item.getString("html").startsWith("<p>"), item.encode());
      assertTrue(item.getLong("created_on_time") > 0);
    }
    long first = unread.get(0);
    fever("", "mark", "item", "as", "read", "id", Long.toString(first));
    fever("", "mark", "item", "as", "saved", "id", Long.toString(first));
    assertFalse(ids(fever("&unread_item_ids").getString("unread_item_ids")).contains(first));
    assertEquals(List.of(first), ids(fever("&saved_item_ids").getString("saved_item_ids")));
    fever("", "mark", "item", "as", "unread", "id", Long.toString(first));
    fever("", "mark", "item", "as", "unsaved", "id", Long.toString(first));
    assertEquals(3, ids(fever("&unread_item_ids").getString("unread_item_ids")).size());
    assertEquals("", fever("&saved_item_ids").getString("saved_item_ids"));
  }

  @Test
  void readKitPagesItemsSinceAnIdAndMarksFeedsAndGroupsBeforeATime() throws Exception {
    JsonArray feeds = fever("&feeds").getJsonArray("feeds");
    JsonArray groups = fever("&groups").getJsonArray("groups");
    List<Long> seen = new ArrayList<>();
    long since = 0;
    while (true) {
      JsonArray page = fever("&items&since_id=" + since).getJsonArray("items");
      if (page.isEmpty()) break;
      for (int i = 0; i < page.size(); i++) seen.add(page.getJsonObject(i).getLong("id"));
      since = seen.get(seen.size() - 1);
    }
    assertEquals(3, seen.size());
    assertEquals(seen.stream().sorted().toList(), seen, "oldest first after since_id");
    JsonArray newest = fever("&items&max_id=" + seen.get(2)).getJsonArray("items");
    assertEquals(
        List.of(seen.get(1), seen.get(0)),
        List.of(newest.getJsonObject(0).getLong("id"), newest.getJsonObject(1).getLong("id")));

    long before = System.currentTimeMillis() / 1000 + 1;
    int news = ReaderApiIT.find(feeds, "title", "news").getInteger("id");
    fever(
        "",
        "mark",
        "feed",
        "as",
        "read",
        "id",
        Integer.toString(news),
        "before",
        Long.toString(before));
    assertEquals(List.of(seen.get(2)), ids(fever("&unread_item_ids").getString("unread_item_ids")));
    int ketamine = ReaderApiIT.find(groups, "title", "Ketamine").getInteger("id");
    fever(
        "",
        "mark",
        "group",
        "as",
        "read",
        "id",
        Integer.toString(ketamine),
        "before",
        Long.toString(before));
    assertEquals("", fever("&unread_item_ids").getString("unread_item_ids"));
    fever("", "mark", "item", "as", "unread", "id", Long.toString(seen.get(0)));
    fever("", "mark", "group", "as", "read", "id", "0", "before", "1");
    assertEquals(
        List.of(seen.get(0)),
        ids(fever("&unread_item_ids").getString("unread_item_ids")),
        "before 1970 marks nothing");
    fever("", "mark", "group", "as", "read", "id", "0", "before", Long.toString(before));
    assertEquals(
        "", fever("&unread_item_ids").getString("unread_item_ids"), "group 0 is everything");
  }

  @Test
  void badMarksAreClearErrors() throws Exception {
    HttpResponse<String> r =
        app.post(
            "/fever/?api",
            ReaderClient.form("api_key", key, "mark", "item", "as", "loved", "id", "1"));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("read, unread, saved or unsaved"), r.body());
    assertEquals(
        400,
        app.post(
                "/fever/?api",
                ReaderClient.form("api_key", key, "mark", "item", "as", "read", "id", "x"))
            .statusCode());
  }

  static String md5(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%032x", new BigInteger(1, digest));
  }
}
