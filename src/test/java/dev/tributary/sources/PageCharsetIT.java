package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/articles {"url"}} on pages that are not UTF-8, served by a local server: each is
 * decoded as it declares itself (meta, HTTP header, byte-order mark), not as UTF-8 regardless.
 */
class PageCharsetIT {
  static final String WORDS = "Café résumé — naïve";
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @TempDir Path dataDir;
  WebAndInstance local;

  static String page(String head, String title) {
    return "<!doctype html><html><head>"
        + head
        + "<title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + WORDS
        + ": a page about the clinic's new café, written in an older encoding.</p><p>The"
        + " clinic café opens on Monday with coffee and cake for patients and visitors.</p>"
        + "</article></body></html>";
  }

  static void serve(WebServer web, String path, String contentType, byte[] bytes) {
    web.router
        .get(path)
        .handler(
            ctx -> ctx.response().putHeader("Content-Type", contentType).end(Buffer.buffer(bytes)));
  }

  @BeforeEach
  void start() throws Exception {
    local =
        WebAndInstance.start(
            dataDir,
            w -> {
              serve(
                  w,
                  "/meta",
                  "text/html",
                  page("<meta charset=\"windows-1252\">", "Declared by meta")
                      .getBytes(WINDOWS_1252));
              serve(
                  w,
                  "/header",
                  "text/html; charset=windows-1252",
                  page("", "Declared by header").getBytes(WINDOWS_1252));
              byte[] utf16 = page("", "Declared by BOM").getBytes(StandardCharsets.UTF_16LE);
              byte[] withBom = new byte[utf16.length + 2];
              withBom[0] = (byte) 0xFF;
              withBom[1] = (byte) 0xFE;
              System.arraycopy(utf16, 0, withBom, 2, utf16.length);
              serve(w, "/bom", "text/html", withBom);
            });
  }

  @AfterEach
  void stop() throws Exception {
    local.close();
  }

  String storedText(String path) throws Exception {
    var posted =
        local.server.post(
            "/api/articles",
            "application/json",
            new JsonObject().put("url", local.web.url(path)).encode(),
            local.server.token);
    assertEquals(201, posted.statusCode(), posted.body());
    return new JsonObject(posted.body()).getString("contentHtml");
  }

  @Test
  void aWindows1252PageDeclaredByMetaCharsetIsStoredAsWritten() throws Exception {
    String html = storedText("/meta");
    assertTrue(html.contains(WORDS), html);
  }

  @Test
  void aWindows1252PageDeclaredByTheHttpHeaderIsStoredAsWritten() throws Exception {
    String html = storedText("/header");
    assertTrue(html.contains(WORDS), html);
  }

  @Test
  void aUtf16PageWithAByteOrderMarkIsStoredAsWritten() throws Exception {
    String html = storedText("/bom");
    assertTrue(html.contains(WORDS), html);
  }
}
