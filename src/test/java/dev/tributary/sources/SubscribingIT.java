package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/sources} against hostile and heavy bodies from a local server. */
class SubscribingIT {
  static final String XXE =
      """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&xxe;</title><link>http://x.example/</link>
      <description>d</description></channel></rss>
      """;
  static final String BILLION_LAUGHS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
      <lolz>&lol3;</lolz>
      """;

  @TempDir Path dataDir;
  WebAndInstance local;
  BlockedLoops blocked;

  @BeforeEach
  void start() throws Exception {
    blocked = new BlockedLoops();
    local =
        WebAndInstance.start(
            dataDir,
            web -> {
              web.router.get("/xxe.xml").handler(ctx -> ctx.response().end(XXE));
              web.router.get("/lolz.xml").handler(ctx -> ctx.response().end(BILLION_LAUGHS));
              String page = bigPageLinkingToNoFeed();
              web.router
                  .get("/big")
                  .handler(ctx -> ctx.response().putHeader("Content-Type", "text/html").end(page));
            });
  }

  @AfterEach
  void stop() throws Exception {
    blocked.close();
    local.close();
  }

  /** About 4 MiB of markup, under fetch.maxBytes: a jsoup parse of it takes a while. */
  static String bigPageLinkingToNoFeed() {
    StringBuilder html = new StringBuilder("<html><head><title>Big</title></head><body>");
    while (html.length() < 4 * 1024 * 1024)
      html.append("<div class=c><p>Paragraph <b>bold</b> <a href=/x>link</a></p></div>");
    return html.append("</body></html>").toString();
  }

  HttpResponse<String> subscribe(String path) throws Exception {
    return local.server.post(
        "/api/sources",
        "application/json",
        new JsonObject().put("url", local.web.url(path)).encode(),
        local.server.token);
  }

  @Test
  void anXxeFeedIsRefusedAsHostileXmlNotAsAPageWithoutFeeds() throws Exception {
    var response = subscribe("/xxe.xml");
    assertEquals(422, response.statusCode(), response.body());
    String error = new JsonObject(response.body()).getString("error");
    assertTrue(error.startsWith("Hostile XML refused"), error);
  }

  @Test
  void aBillionLaughsDocumentIsRefusedAsHostileXml() throws Exception {
    var response = subscribe("/lolz.xml");
    assertEquals(422, response.statusCode(), response.body());
    String error = new JsonObject(response.body()).getString("error");
    assertTrue(error.startsWith("Hostile XML refused"), error);
  }

  @Test
  void aBigPageIsSearchedForFeedsOffTheEventLoop() throws Exception {
    var response = subscribe("/big");
    assertEquals(422, response.statusCode(), response.body());
    assertTrue(
        new JsonObject(response.body()).getString("error").contains("the page links to none"),
        response.body());
    List<String> parsingOnALoop = blocked.caughtIn("org.jsoup.", "dev.tributary.sources.parse.");
    assertEquals(List.of(), parsingOnALoop, "the page was read on an event loop");
  }
}
