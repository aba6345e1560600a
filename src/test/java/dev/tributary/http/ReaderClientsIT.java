package dev.tributary.http;

import static dev.tributary.http.ReaderClient.enc;
import static dev.tributary.http.ReaderClient.form;
import static dev.tributary.http.ReaderClient.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The request sequences real Google Reader clients send, replayed: NetNewsWire's (from its
 * ReaderAPICaller and ReaderAPIAccountDelegate: tags, subscriptions, all ids since a time, unread
 * and starred ids, missing articles in chunks of long-form ids, statuses back through edit-tag) and
 * Reeder's (as its users' logs and Miniflux's notes show it: user-info, tags, subscriptions, unread
 * and starred ids, contents by bare 16-hex-digit ids, edit-tag, mark-all-as-read with a microsecond
 * timestamp). Each answer is checked the way the client decodes it.
 */
class ReaderClientsIT extends WithReaderAccount {
  static final String READING_LIST = "user/-/state/com.google/reading-list";
  static final String READ = "user/-/state/com.google/read";
  static final String STARRED = "user/-/state/com.google/starred";

  /** NetNewsWire's unread ids: the reading list without the read. */
  static final String NNW_UNREAD_IDS =
      "/reader/api/0/stream/items/ids?n=1000&output=json&s=" + READING_LIST + "&xt=" + READ;

  @Test
  void netNewsWireSyncsFoldersFeedsArticlesAndStatuses() throws Exception {
    ReaderClient nnw =
        new ReaderClient(server)
            .with("User-Agent", "NetNewsWire (RSS Reader; https://netnewswire.com/)");
    // validateCredentials: the body's lines split at "=", each must have exactly two parts
    HttpResponse<String> login =
        nnw.post(
            "/accounts/ClientLogin",
            form("Email", ReaderClient.USER, "Passwd", ReaderClient.PASSWORD));
    Map<String, String> authData = new HashMap<>();
    for (String line : login.body().split("\n")) {
      String[] items = line.split("=");
      if (items.length == 2) authData.put(items[0], items[1]);
    }
    nnw.auth = authData.get("Auth");
    assertTrue(nnw.auth != null && !nnw.auth.isEmpty(), login.body());

    // refreshAccount: tag/list (folders are the tags whose id contains /label/), then subscriptions
    HttpResponse<String> tagList = nnw.get("/reader/api/0/tag/list?output=json");
    assertTrue(tagList.headers().firstValue("ETag").isPresent(), "conditional GET info is stored");
    List<String> folders = new ArrayList<>();
    JsonArray tags = new JsonObject(tagList.body()).getJsonArray("tags");
    for (int i = 0; i < tags.size(); i++) {
      String id = tags.getJsonObject(i).getString("id");
      if (id.contains("/label/")) folders.add(id.substring(id.indexOf("/label/") + 7));
    }
    assertTrue(folders.contains("Ketamine"), folders.toString());
    JsonArray subs =
        nnw.getJson("/reader/api/0/subscription/list?output=json").getJsonArray("subscriptions");
    Set<String> feedIds = new HashSet<>();
    for (int i = 0; i < subs.size(); i++) {
      JsonObject s = subs.getJsonObject(i);
      feedIds.add(s.getString("id"));
      assertInstanceOf(JsonArray.class, s.getValue("categories"));
      assertTrue(s.getString("url").startsWith("http"), "a URL NetNewsWire can key the feed by");
    }

    // all ids since three months ago, n=1000, following continuations; their Date is remembered
    long since = System.currentTimeMillis() / 1000 - 90L * 86400;
    HttpResponse<String> allIds =
        nnw.get(
            "/reader/api/0/stream/items/ids?n=1000&output=json&ot=" + since + "&s=" + READING_LIST);
    String date = allIds.headers().firstValue("Date").orElseThrow();
    long lastFetch =
        ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    List<Long> ids = refs(new JsonObject(allIds.body()));
    assertEquals(3, ids.size());
    // refreshArticleStatus: unread ids, starred ids
    List<Long> unread = refs(nnw.getJson(NNW_UNREAD_IDS));
    assertEquals(ids, unread);
    assertEquals(
        List.of(),
        refs(nnw.getJson("/reader/api/0/stream/items/ids?n=1000&output=json&s=" + STARRED)));

    // refreshMissingArticles: the token, then contents by %.16llx long-form ids, T in the body
    String token = nnw.token();
    StringBuilder body = new StringBuilder("T=" + token + "&output=json");
    for (long id : ids)
      body.append("&i=tag:google.com,2005:reader/item/").append(String.format("%016x", id));
    JsonObject wrapper = nnw.postJson("/reader/api/0/stream/items/contents", body.toString());
    assertInstanceOf(String.class, wrapper.getValue("id"));
    assertInstanceOf(Number.class, wrapper.getValue("updated"));
    JsonArray entries = wrapper.getJsonArray("items");
    assertEquals(3, entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonObject e = entries.getJsonObject(i);
      String idPart = e.getString("id").substring(e.getString("id").lastIndexOf('/') + 1);
      assertTrue(
          ids.contains(Long.parseLong(idPart, 16)), "uniqueID maps back to an id: " + idPart);
      assertInstanceOf(Number.class, e.getValue("published"));
      assertInstanceOf(String.class, e.getValue("crawlTimeMsec"));
      assertInstanceOf(String.class, e.getValue("timestampUsec"));
      assertInstanceOf(String.class, e.getJsonObject("summary").getValue("content"));
      assertInstanceOf(String.class, e.getJsonArray("alternate").getJsonObject(0).getValue("href"));
      assertTrue(feedIds.contains(e.getJsonObject("origin").getString("streamId")), e.encode());
      for (Object c : e.getJsonArray("categories")) assertInstanceOf(String.class, c);
    }

    // sendArticleStatus: read and starred, as "T=…&i=…&a=…"
    long first = ids.get(0);
    String item = "i=tag:google.com,2005:reader/item/" + String.format("%016x", first);
    assertEquals(
        "OK", nnw.post("/reader/api/0/edit-tag", "T=" + token + "&" + item + "&a=" + READ).body());
    assertEquals(
        "OK",
        nnw.post("/reader/api/0/edit-tag", "T=" + token + "&" + item + "&a=" + STARRED).body());

    // the next refresh asks only for what was stored since the last answer's Date
    post("New after sync", "news", "Ketamine research continues in several trials.");
    List<Long> newer =
        refs(
            nnw.getJson(
                "/reader/api/0/stream/items/ids?n=1000&output=json&ot="
                    + lastFetch
                    + "&s="
                    + READING_LIST));
    assertTrue(newer.size() >= 1 && newer.get(0) > ids.get(0), newer.toString());
    List<Long> unreadNow = refs(nnw.getJson(NNW_UNREAD_IDS));
    assertFalse(unreadNow.contains(first));
    assertEquals(
        List.of(first),
        refs(nnw.getJson("/reader/api/0/stream/items/ids?n=1000&output=json&s=" + STARRED)));

    // a new feed's initial download: its ids by feed stream
    List<Long> feedIdsOnly =
        refs(
            nnw.getJson(
                "/reader/api/0/stream/items/ids?n=1000&output=json&ot="
                    + since
                    + "&s="
                    + enc("feed/api:news")));
    assertEquals(3, feedIdsOnly.size());
  }

  @Test
  void reederLogsInSyncsUnreadAndStarredAndMarksWithBareHexIds() throws Exception {
    ReaderClient reeder =
        new ReaderClient(server).with("User-Agent", "Reeder/5040.01 CFNetwork/1410 Darwin/22.6.0");
    reeder.login();
    assertEquals(
        ReaderClient.USER,
        reeder.getJson("/reader/api/0/user-info?output=json").getString("userName"));
    assertTrue(
        reeder.getJson("/reader/api/0/tag/list?output=json").getJsonArray("tags").size() > 1);
    JsonArray subs =
        reeder.getJson("/reader/api/0/subscription/list?output=json").getJsonArray("subscriptions");
    assertEquals(3, subs.size(), "inbox, api, api:news");
    JsonObject counts = reeder.getJson("/reader/api/0/unread-count?output=json");
    assertEquals(3, counts.getLong("max"));

    List<Long> unread =
        refs(
            reeder.getJson(
                "/reader/api/0/stream/items/ids?output=json&s="
                    + READING_LIST
                    + "&xt="
                    + READ
                    + "&n=10000"));
    assertEquals(3, unread.size());
    assertEquals(
        List.of(),
        refs(
            reeder.getJson(
                "/reader/api/0/stream/items/ids?output=json&s=" + STARRED + "&n=10000")));

    // contents by sixteen hex digits, no prefix
    StringBuilder ids = new StringBuilder();
    for (long id : unread)
      ids.append(ids.length() == 0 ? "" : "&").append("i=").append(String.format("%016x", id));
    JsonArray items =
        reeder
            .postJson("/reader/api/0/stream/items/contents?output=json", ids.toString())
            .getJsonArray("items");
    assertEquals(3, items.size());
    assertTrue(items.getJsonObject(0).getJsonArray("categories").contains("user/-/label/Ketamine"));

    String t = reeder.token();
    long oldest = unread.get(2); // from api:news
    String bare = String.format("%016x", oldest);
    assertEquals(
        "OK", reeder.post("/reader/api/0/edit-tag", form("i", bare, "a", READ, "T", t)).body());
    assertEquals(
        "OK", reeder.post("/reader/api/0/edit-tag", form("i", bare, "a", STARRED, "T", t)).body());
    assertEquals(
        2,
        refs(reeder.getJson(
                "/reader/api/0/stream/items/ids?output=json&s=" + READING_LIST + "&xt=" + READ))
            .size());

    long usec = System.currentTimeMillis() * 1000;
    assertEquals(
        "OK",
        reeder
            .post(
                "/reader/api/0/mark-all-as-read",
                form("s", "feed/api:news", "ts", Long.toString(usec), "T", t))
            .body());
    List<Long> left =
        refs(
            reeder.getJson(
                "/reader/api/0/stream/items/ids?output=json&s=" + READING_LIST + "&xt=" + READ));
    assertEquals(List.of(unread.get(0)), left, "only the other source's article is unread");
    JsonArray after =
        reeder.getJson("/reader/api/0/unread-count?output=json").getJsonArray("unreadcounts");
    assertEquals(1, ReaderApiIT.find(after, "id", "feed/api").getLong("count"));
    assertEquals(
        List.of(oldest),
        refs(reeder.getJson("/reader/api/0/stream/items/ids?output=json&s=" + STARRED)));
  }
}
