package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages for people, on a running Tributary: filtering, paging, escaping, headers. */
class PagesIT {
  private static final int PAGE_SIZE = 10;
  private static final Pattern ARTICLE_CARD =
      Pattern.compile("<article class=\"card\" data-id=\"([^\"]+)\"");
  private static final Pattern OLDER_LINK = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"");

  @TempDir java.nio.file.Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx, dataDir, new JsonObject().put("feed", new JsonObject().put("size", PAGE_SIZE)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void topicFilterShowsOnlyThatTopicsArticles() throws Exception {
    post(
        "Ketamine for veterans", "Combat veterans with post-traumatic stress disorder and trauma.");
    post("Ketamine and PTSD", "Ketamine eased PTSD and traumatic memories in a small trial.");
    post("Ketamine for back pain", "Ketamine infusions for chronic pain and neuropathic pain.");

    List<String> expected = timelineIds("?topic=ptsd");
    List<String> all = timelineIds("");
    assertFalse(expected.isEmpty(), "some articles are about PTSD");
    assertTrue(expected.size() < all.size(), "some articles are not about PTSD");

    String html = page("/?topic=ptsd");
    assertEquals(expected, cardIds(html));
    assertTrue(html.contains("<a class=\"chip\" href=\"/?topic=ptsd\" data-topic=\"ptsd\""));
    assertTrue(html.contains("aria-current=\"page\">PTSD <span class=\"count\">2</span>"), html);
  }

  @Test
  void olderArticlesLinkWalksBackThroughEveryArticleOnce() throws Exception {
    for (int i = 1; i <= 30; i++) {
      post("Ketamine note " + i, "Ketamine note number " + i + " about depression.");
    }
    List<String> seen = new ArrayList<>();
    String path = "/";
    int pages = 0;
    while (path != null) {
      String html = page(path);
      seen.addAll(cardIds(html));
      path = olderLink(html);
      pages++;
      assertTrue(pages <= 5, "paging ends");
    }
    assertEquals(timelineIds("?limit=200"), seen, "same order as the timeline, newest first");
    assertEquals(30, new LinkedHashSet<>(seen).size(), "no repeats: " + seen);
    assertEquals(3, pages);
  }

  @Test
  void olderArticlesLinkKeepsTheSelectedTopic() throws Exception {
    for (int i = 1; i <= PAGE_SIZE + 2; i++) {
      post("Ketamine and PTSD " + i, "Ketamine for PTSD, trial number " + i + ".");
    }
    post("Ketamine for back pain", "Ketamine infusions for chronic pain and neuropathic pain.");
    String first = page("/?topic=ptsd");
    String older = olderLink(first);
    assertNotNull(older);
    assertTrue(older.contains("topic=ptsd"), older);
    String second = page(older);
    assertTrue(second.contains("href=\"/topics/ptsd/feed.atom\""));
    assertNull(olderLink(second));
    List<String> both = new ArrayList<>(cardIds(first));
    both.addAll(cardIds(second));
    assertEquals(timelineIds("?topic=ptsd&limit=200"), both);
  }

  @Test
  void aCursorThatIsNotOursOrAnUnknownTopicIsAnHtmlError() throws Exception {
    var badCursor = server.get("/?cursor=garbage");
    assertEquals(400, badCursor.statusCode());
    assertTrue(contentType(badCursor).startsWith("text/html"));
    var unknownTopic = server.get("/?topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assertEquals(404, unknownTopic.statusCode());
    assertFalse(unknownTopic.body().contains("<script>alert"));
    assertTrue(unknownTopic.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals(404, server.get("/articles/no-such-article").statusCode());
  }

  @Test
  void articlePageShowsTheSanitisedBody() throws Exception {
    String id =
        postHtml(
            "<h1>Ketamine study</h1><p>Ketamine <em>helped</em> some patients."
                + " <a href=\"https://example.org/study\" onclick=\"steal()\">Study</a>"
                + " <script>alert(3)</script><iframe src=\"https://evil.example\"></iframe></p>");
    String html = page("/articles/" + id);
    assertTrue(html.contains("<em>helped</em>"), html);
    assertTrue(html.contains("href=\"https://example.org/study\""), html);
    assertFalse(html.contains("onclick"));
    assertFalse(html.contains("alert(3)"));
    assertFalse(html.contains("<iframe"));
    assertFalse(html.contains("<script"), "the article page runs no script");
  }

  @Test
  void autodiscoveryLinksSwitchToTheTopicFeedsOnATopicPage() throws Exception {
    String home = page("/");
    for (String ext : List.of("atom", "rss", "json")) {
      assertTrue(home.contains("href=\"/feed." + ext + "\">"), ext);
    }
    String topic = page("/?topic=ketamine");
    assertTrue(
        topic.contains(
            "type=\"application/atom+xml\" title=\"Atom\" href=\"/topics/ketamine/feed.atom\""));
    assertTrue(
        topic.contains(
            "type=\"application/rss+xml\" title=\"RSS\" href=\"/topics/ketamine/feed.rss\""));
    assertTrue(
        topic.contains(
            "type=\"application/feed+json\" title=\"JSON Feed\" href=\"/topics/ketamine/feed.json\""));
    assertFalse(topic.contains("href=\"/feed.atom\""));
    assertTrue(topic.contains("data-stream=\"/api/stream?topic=ketamine\""));
  }

  @Test
  void hostileTitlesSummariesAndSourcesAreEscaped() throws Exception {
    String title = "<img src=x onerror=alert(1)> & \"Ketamine\"";
    String source = "<b onmouseover=alert(2)>'source'</b>";
    var created =
        server.post(
            "/api/articles?title=" + encode(title) + "&source=" + encode(source),
            "text/plain",
            "Ketamine works </p><script>alert(3)</script> \"quoted\" & more text about depression.",
            server.token);
    assertEquals(201, created.statusCode(), created.body());
    String id = new JsonObject(created.body()).getString("id");
    for (String path : List.of("/", "/?topic=ketamine", "/articles/" + id)) {
      String html = page(path);
      assertFalse(html.contains("<img src=x"), path);
      assertFalse(html.contains("<b onmouseover"), path);
      assertFalse(html.contains("<script>alert"), path);
      assertTrue(
          html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ketamine&quot;"), path);
      assertTrue(html.contains("&lt;b onmouseover=alert(2)&gt;'source'&lt;/b&gt;"), path);
    }
    assertTrue(page("/").contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "summary escaped");
  }

  @Test
  void liveScriptAndStylesheetAreServedWithTheirContentTypes() throws Exception {
    var script = server.get("/static/live.js");
    assertEquals(200, script.statusCode());
    assertTrue(contentType(script).startsWith("text/javascript"), contentType(script));
    assertTrue(script.body().contains("EventSource"));
    var style = server.get("/static/style.css");
    assertEquals(200, style.statusCode());
    assertTrue(contentType(style).startsWith("text/css"), contentType(style));
    assertTrue(page("/").contains("<script src=\"/static/live.js\" defer></script>"));
  }

  @Test
  void pagesSendAStrictContentSecurityPolicy() throws Exception {
    String id = post("Ketamine and CSP", "Ketamine, with a content security policy.");
    for (String path : List.of("/", "/?topic=ketamine", "/articles/" + id, "/?cursor=bad")) {
      String csp = server.get(path).headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'"), path + ": " + csp);
      assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
      assertTrue(csp.contains("connect-src 'self'"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
    }
  }

  private String post(String title, String text) throws Exception {
    var created = server.post("/api/articles", "text/plain", title + "\n\n" + text, server.token);
    assertEquals(201, created.statusCode(), created.body());
    return new JsonObject(created.body()).getString("id");
  }

  private String postHtml(String html) throws Exception {
    var created = server.post("/api/articles", "text/html", html, server.token);
    assertEquals(201, created.statusCode(), created.body());
    return new JsonObject(created.body()).getString("id");
  }

  private String page(String path) throws Exception {
    var response = server.get(path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    assertTrue(contentType(response).startsWith("text/html"), path);
    return response.body();
  }

  private List<String> timelineIds(String query) throws Exception {
    JsonObject page = new JsonObject(server.get("/api/timeline" + query).body());
    List<String> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
    return ids;
  }

  private static List<String> cardIds(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = ARTICLE_CARD.matcher(html);
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  private static String olderLink(String html) {
    Matcher m = OLDER_LINK.matcher(html);
    return m.find() ? m.group(1).replace("&amp;", "&") : null;
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
