package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.AtomSchema;
import dev.tributary.TestServer;
import dev.tributary.stories.LabelledStories;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One story from two sources over real HTTP: a wire story, then its copy cut short under a new
 * headline from another source, then an unrelated article. The timeline and every feed show the
 * story once (its first copy) naming the other source; {@code ?stories=all} lists both copies; the
 * stream carries the copy with its story.
 */
class StoriesIT {
  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  List<LabelledStories.Item> items;

  @BeforeEach
  void start() throws Exception {
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir);
    items = LabelledStories.load(Path.of("src/test/resources/stories"));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The dev set's item of this story from this source. */
  private LabelledStories.Item item(String label, String source) {
    return items.stream()
        .filter(i -> i.label().equals(label) && i.source().equals(source))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject post(LabelledStories.Item item, String source) throws Exception {
    String query =
        "?source="
            + URLEncoder.encode(source, StandardCharsets.UTF_8)
            + "&title="
            + URLEncoder.encode(item.title(), StandardCharsets.UTF_8)
            + "&url="
            + URLEncoder.encode(item.url(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        server.post("/api/articles" + query, "text/plain", item.body(), server.token);
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private JsonArray timeline(String query) throws Exception {
    HttpResponse<String> response = server.get("/api/timeline" + query);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body()).getJsonArray("items");
  }

  @Test
  void theTimelineAndTheFeedsShowOneEntryPerStoryNamingTheOtherSource() throws Exception {
    JsonObject original = post(item("bikes", "Riverton Gazette"), "Riverton Gazette");
    JsonObject copy;
    try (SseClient stream = new SseClient(server.baseUrl + "/api/stream", null)) {
      copy = post(item("bikes", "Pedal Pushers Blog"), "Pedal Pushers Blog");
      JsonObject event = new JsonObject(stream.next().data());
      assertEquals(copy.getString("id"), event.getString("id"));
      assertEquals(original.getString("id"), event.getString("storyId"), "the stream's copy");
      assertEquals(
          original.getString("id"), event.getJsonArray("alsoIn").getJsonObject(0).getString("id"));
    }
    JsonObject other = post(item("library", "Eastbrook Weekly"), "Eastbrook Weekly");

    assertEquals(original.getString("id"), original.getString("storyId"));
    assertEquals(List.of(), original.getJsonArray("alsoIn").getList());
    assertEquals(original.getString("id"), copy.getString("storyId"));
    JsonObject named = copy.getJsonArray("alsoIn").getJsonObject(0);
    assertEquals(original.getString("id"), named.getString("id"));
    assertEquals("Riverton Gazette", named.getJsonObject("source").getString("title"));
    assertEquals(item("bikes", "Riverton Gazette").url(), named.getString("url"));

    JsonArray one = timeline("");
    assertEquals(2, one.size(), one.encodePrettily());
    assertEquals(other.getString("id"), one.getJsonObject(0).getString("id"));
    JsonObject story = one.getJsonObject(1);
    assertEquals(original.getString("id"), story.getString("id"), "the first copy to arrive");
    JsonObject alsoIn = story.getJsonArray("alsoIn").getJsonObject(0);
    assertEquals(copy.getString("id"), alsoIn.getString("id"));
    assertEquals("api:Pedal Pushers Blog", alsoIn.getJsonObject("source").getString("id"));
    assertEquals("Pedal Pushers Blog", alsoIn.getJsonObject("source").getString("title"));

    JsonArray all = timeline("?stories=all");
    assertEquals(3, all.size(), "every copy");
    assertEquals(
        List.of(other.getString("id"), copy.getString("id"), original.getString("id")),
        all.stream().map(a -> ((JsonObject) a).getString("id")).toList());

    JsonObject fetched = new JsonObject(server.get("/api/articles/" + copy.getString("id")).body());
    assertEquals(original.getString("id"), fetched.getString("storyId"));

    assertAtomShowsTheStoryOnce(original, copy);
    String rss = server.get("/feed.rss").body();
    assertEquals(2, new SyndFeedInput().build(new StringReader(rss)).getEntries().size());
    assertTrue(rss.contains("Also in: &lt;a href=\"" + copy.getString("url")), rss);
    JsonArray json = new JsonObject(server.get("/feed.json").body()).getJsonArray("items");
    assertEquals(2, json.size());
    assertTrue(
        json.getJsonObject(1).getString("content_html").contains(">Pedal Pushers Blog</a></p>"));
    String page = server.get("/").body();
    assertTrue(page.contains("also in <a href=\"/articles/" + copy.getString("id")), page);
  }

  private void assertAtomShowsTheStoryOnce(JsonObject original, JsonObject copy) throws Exception {
    String atom = server.get("/feed.atom").body();
    AtomSchema.assertValid(atom);
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
    assertEquals(2, feed.getEntries().size());
    SyndEntry entry = feed.getEntries().get(1);
    assertEquals(original.getString("title"), entry.getTitle());
    SyndLink related =
        entry.getLinks().stream()
            .filter(l -> "related".equals(l.getRel()))
            .findFirst()
            .orElseThrow();
    assertEquals(copy.getString("url"), related.getHref());
    assertEquals("Pedal Pushers Blog", related.getTitle());
    String content = entry.getContents().get(0).getValue();
    assertTrue(
        content.endsWith(
            "<p class=\"also-in\">Also in: <a href=\""
                + copy.getString("url")
                + "\">Pedal Pushers Blog</a></p>"),
        content);
  }

  @Test
  void anUnknownStoriesValueIsABadRequest() throws Exception {
    HttpResponse<String> response = server.get("/api/timeline?stories=some");
    assertEquals(400, response.statusCode());
    assertTrue(new JsonObject(response.body()).getString("error").startsWith("stories:"));
  }

  @Test
  void twoReportsOfOneEventInTheirOwnWordsAreTwoEntries() throws Exception {
    post(item("trial-a", "County Courier"), "County Courier");
    post(item("trial-b", "Statehouse Report"), "Statehouse Report");

    JsonArray one = timeline("");
    assertEquals(2, one.size());
    for (Object o : one) assertEquals(List.of(), ((JsonObject) o).getJsonArray("alsoIn").getList());
  }
}
