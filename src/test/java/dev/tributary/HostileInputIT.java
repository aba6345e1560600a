package dev.tributary;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker or a careless client sends, against one running Tributary, each row with its
 * expected answer: the HTTP status (and a JSON error), where an inbox file ends up and why, and
 * what must never come back (a script, an event handler, a header from a title, a file from outside
 * the web root). After every row the server still answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final byte[] PNG =
      new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D'};
  private static final String LATIN1_TEXT = "Caf\u00e9 r\u00e9sum\u00e9\n\nna\u00efve se\u00f1or";
  private static final String SCRIPT_TITLE = "<script>alert('title')</script>Hostile title";
  private static final String HOSTILE_HTML =
      "<h1>Hostile page</h1><p>Some words <img src=x onerror=\"alert('img')\"> about"
          + " <a href=\"javascript:alert('link')\">a link</a>.</p>"
          + "<script>alert('body')</script><p>More words to make a paragraph.</p>";

  Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    this.dataDir = dataDir;
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** One HTTP exchange: what is sent and the status that must come back. */
  record HttpRow(
      String name,
      String method,
      String target,
      String contentType,
      byte[] body,
      boolean withToken,
      int status,
      boolean jsonError) {}

  @TestFactory
  Stream<DynamicTest> eachHostileRequestGetsItsAnswer() {
    // 1,800 parameters fit Vert.x's 4,096-byte request line; a longer line is the last row.
    String manyParams = "limit=5" + "&j".repeat(1_800);
    String manyFlags = "a" + "&a".repeat(1_800);
    List<HttpRow> rows =
        List.of(
            post("binary bytes posted as text are refused", "text/plain", PNG, true, 400),
            post(
                "Latin-1 bytes posted as UTF-8 text are refused",
                "text/plain",
                LATIN1_TEXT.getBytes(ISO_8859_1),
                true,
                400),
            post(
                "text with NUL bytes is refused",
                "text/plain",
                "A title\n\nSome\0text with a NUL byte.".getBytes(UTF_8),
                true,
                400),
            post(
                "a one-megabyte single line is stored",
                "text/plain",
                oneMegabyteLine(),
                true,
                201,
                false),
            post("deeply nested HTML is stored", "text/html", deeplyNestedHtml(), true, 201, false),
            post(
                "a 50 MB upload with the token is too large",
                "text/plain",
                fiftyMegabytes(),
                true,
                413),
            // Owned by the auth branch (token checked before the body is read):
            post(
                "a 50 MB anonymous upload is unauthorised before its body is read",
                "text/plain",
                fiftyMegabytes(),
                false,
                401),
            post(
                "a PDF is an unsupported media type",
                "application/pdf",
                "%PDF-1.7".getBytes(UTF_8),
                true,
                415),
            post(
                "malformed JSON is a bad request",
                "application/json",
                "{\"url\": ".getBytes(UTF_8),
                true,
                400),
            post(
                "JSON that is not an object is a bad request",
                "application/json",
                "[\"https://example.org/\"]".getBytes(UTF_8),
                true,
                400),
            get("an unknown page is 404 JSON", "/no/such/page", 404),
            get("an unknown API route is 404 JSON", "/api/no-such-thing", 404),
            get(
                "an encoded traversal in an article id is 404 JSON",
                "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
                404),
            get(
                "an encoded traversal in an article page is 404",
                "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
                404,
                false),
            get(
                "an encoded traversal under /static/ stays in the web root",
                "/static/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                404),
            get(
                "dot segments under /static/ stay in the web root",
                "/static/../../../../../etc/passwd",
                404),
            get(
                "a backslash traversal under /static/ stays in the web root",
                "/static/..%5C..%5C..%5C..%5Cetc%5Cpasswd",
                404),
            // Owned by the cache branch (unknown parameters on API routes are refused):
            get(
                "an unknown query parameter on the timeline is a bad request",
                "/api/timeline?limit=5&junk=1",
                400),
            get(
                "thousands of unknown query parameters on the timeline are a bad request",
                "/api/timeline?" + manyParams,
                400),
            get(
                "thousands of query parameters on a feed change nothing",
                "/feed.atom?" + manyFlags,
                200,
                false),
            get(
                "a request line past the server's limit is refused",
                "/feed.atom?x=" + "y".repeat(10_000),
                414,
                false));
    return rows.stream().map(row -> dynamicTest(row.name(), () -> answers(row)));
  }

  private void answers(HttpRow row) throws Exception {
    Response response =
        exchange(
            row.method(),
            row.target(),
            row.contentType(),
            row.body(),
            row.withToken() ? server.token : null);
    assertEquals(row.status(), response.status(), () -> row.name() + ": " + response.text(300));
    if (row.jsonError()) {
      assertTrue(response.header("content-type").startsWith("application/json"), response::head);
      assertFalse(new JsonObject(response.text()).getString("error", "").isBlank());
    }
    assertFalse(response.text().contains("root:x:0:0"), "a file from outside the web root");
    assertEquals(200, exchange("GET", "/health/live", null, null, null).status());
  }

  /** An inbox file and where it must end up: done/, or failed/ with a reason that says why. */
  record InboxRow(String name, String fileName, byte[] body, String folder, String reason) {}

  @TestFactory
  Stream<DynamicTest> eachHostileInboxFileEndsWhereItsRowSays() {
    byte[] text = "A title for a dropped file\n\nA paragraph of ordinary words.\n".getBytes(UTF_8);
    List<InboxRow> rows =
        List.of(
            new InboxRow("a binary file fails as binary", "binary.txt", PNG, "failed", "binary"),
            new InboxRow(
                "a Latin-1 file fails as not UTF-8",
                "latin1.txt",
                LATIN1_TEXT.getBytes(ISO_8859_1),
                "failed",
                "UTF-8"),
            new InboxRow(
                "a file with NUL bytes fails as binary",
                "nul-bytes.txt",
                "A title\n\nSome\0text".getBytes(UTF_8),
                "failed",
                "NUL"),
            new InboxRow(
                "an empty file fails as empty", "empty.txt", new byte[0], "failed", "empty"),
            new InboxRow(
                "a file over inbox.maxBytes fails as too large",
                "too-large.txt",
                overInboxLimit(),
                "failed",
                "inbox.maxBytes"),
            new InboxRow(
                "an unsupported extension fails as unsupported",
                "document.pdf",
                "%PDF-1.7".getBytes(UTF_8),
                "failed",
                "unsupported"),
            new InboxRow(
                "a one-megabyte single line is stored",
                "one-megabyte-line.txt",
                oneMegabyteLine(),
                "done",
                null),
            new InboxRow(
                "deeply nested HTML is stored",
                "deeply-nested.html",
                deeplyNestedHtml(),
                "done",
                null),
            new InboxRow(
                "an encoded traversal in a file name stays in the inbox",
                "escaped..%2F..%2F..%2Fetc%2Fpasswd.txt",
                text,
                "done",
                null),
            new InboxRow(
                "a file name with a line break is handled",
                "line\nbreak.txt",
                uniqueText("line break"),
                "done",
                null),
            new InboxRow(
                "markup in a file name is handled",
                "<img src=x onerror=alert(1)>.txt",
                uniqueText("markup name"),
                "done",
                null));
    return rows.stream().map(row -> dynamicTest(row.name(), () -> endsWhereItsRowSays(row)));
  }

  private void endsWhereItsRowSays(InboxRow row) throws Exception {
    Path inbox = server.inbox();
    Files.write(inbox.resolve(row.fileName()), row.body());
    Path landed = inbox.resolve(row.folder()).resolve(row.fileName());
    TestServer.awaitCondition(
        row.fileName() + " in " + row.folder() + "/",
        java.time.Duration.ofSeconds(30),
        () -> Files.exists(landed));
    assertFalse(Files.exists(inbox.resolve(row.fileName())), "still in the inbox");
    if (row.reason() != null) {
      Path note = landed.resolveSibling(row.fileName() + ".error.txt");
      TestServer.awaitCondition("the reason beside " + row.fileName(), () -> Files.exists(note));
      String why = Files.readString(note).toLowerCase(Locale.ROOT);
      assertTrue(why.contains(row.reason().toLowerCase(Locale.ROOT)), why);
    }
    try (Stream<Path> outside = Files.list(dataDir)) {
      assertEquals(
          List.of(),
          outside.filter(p -> p.getFileName().toString().contains("escaped")).toList(),
          "a file outside the inbox");
    }
  }

  @TestFactory
  Stream<DynamicTest> hostileMarkupNeverComesBackAlive() throws Exception {
    Response posted =
        exchange(
            "POST",
            "/api/articles?title=" + URLEncoder.encode(SCRIPT_TITLE, UTF_8),
            "text/html",
            HOSTILE_HTML.getBytes(UTF_8),
            server.token);
    assertEquals(201, posted.status(), posted.text());
    String id = new JsonObject(posted.text()).getString("id");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("the home page", "/");
    pages.put("the article page", "/articles/" + id);
    pages.put("the Atom feed", "/feed.atom");
    pages.put("the RSS feed", "/feed.rss");
    pages.put("the JSON Feed", "/feed.json");
    pages.put("the article's JSON", "/api/articles/" + id);
    return pages.entrySet().stream()
        .map(
            page ->
                dynamicTest(
                    page.getKey() + " carries no live script or handler",
                    () -> {
                      String body = markupIn(exchange("GET", page.getValue(), null, null, null));
                      assertTrue(body.contains("Hostile"), "the article is there");
                      for (String alive :
                          List.of("<script>alert", "onerror=", "javascript:alert")) {
                        assertFalse(body.contains(alive), alive + " in " + page.getValue());
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> aLineBreakInATitleNeverReachesAResponseHeader() throws Exception {
    String title = "Evil title\r\nSet-Cookie: pwned=1\r\nX-Injected: yes";
    Response posted =
        exchange(
            "POST",
            "/api/articles?title=" + URLEncoder.encode(title, UTF_8),
            "text/plain",
            uniqueText("header injection"),
            server.token);
    assertEquals(201, posted.status(), posted.text());
    String id = new JsonObject(posted.text()).getString("id");
    List<String> targets =
        new ArrayList<>(
            List.of(
                "/",
                "/articles/" + id,
                "/api/articles/" + id,
                "/feed.atom",
                "/feed.rss",
                "/feed.json",
                "/api/timeline"));
    Stream<DynamicTest> reply =
        Stream.of(
            dynamicTest("the POST reply has no injected header", () -> noInjectedHeader(posted)));
    return Stream.concat(
        reply,
        targets.stream()
            .map(
                target ->
                    dynamicTest(
                        target + " has no injected header",
                        () -> noInjectedHeader(exchange("GET", target, null, null, null)))));
  }

  /**
   * What a client renders as markup. In JSON a title is plain text (JSON Feed's {@code title}, our
   * API's {@code title}): the reader escapes it, so it is left as written and not checked here;
   * every other string (content_html, summary…) is.
   */
  private static String markupIn(Response response) {
    String type = response.header("content-type");
    if (!type.startsWith("application/") || !type.contains("json")) return response.text();
    StringBuilder strings = new StringBuilder();
    collectStrings(new JsonObject(response.text()).getMap(), null, strings);
    return strings.toString();
  }

  private static void collectStrings(Object json, String key, StringBuilder into) {
    if (json instanceof Map<?, ?> map) {
      map.forEach((k, v) -> collectStrings(v, String.valueOf(k), into));
    } else if (json instanceof List<?> list) {
      list.forEach(v -> collectStrings(v, key, into));
    } else if (json instanceof JsonObject object) {
      collectStrings(object.getMap(), key, into);
    } else if (json instanceof JsonArray array) {
      collectStrings(array.getList(), key, into);
    } else if (json instanceof String text && !"title".equals(key)) {
      into.append(text).append('\n');
    }
  }

  private static void noInjectedHeader(Response response) {
    String head = response.head().toLowerCase(Locale.ROOT);
    assertFalse(head.contains("set-cookie"), head);
    assertFalse(head.contains("x-injected"), head);
  }

  // ---- rows and bodies

  private static HttpRow post(String name, String type, byte[] body, boolean token, int status) {
    return post(name, type, body, token, status, true);
  }

  private static HttpRow post(
      String name, String type, byte[] body, boolean token, int status, boolean jsonError) {
    return new HttpRow(name, "POST", "/api/articles", type, body, token, status, jsonError);
  }

  private static HttpRow get(String name, String target, int status) {
    return get(name, target, status, true);
  }

  private static HttpRow get(String name, String target, int status, boolean jsonError) {
    return new HttpRow(name, "GET", target, null, null, false, status, jsonError);
  }

  /** One line of ordinary words, just under a megabyte, all different so it is not spam. */
  private static byte[] oneMegabyteLine() {
    StringBuilder line = new StringBuilder("A very long line ");
    for (int i = 0; line.length() < 1_000_000; i++) line.append("word").append(i).append(' ');
    return (line.toString().strip() + "\n").getBytes(UTF_8);
  }

  private static byte[] deeplyNestedHtml() {
    int depth = 20_000;
    return ("<html><head><title>Deep</title></head><body>"
            + "<div>".repeat(depth)
            + "<p>Deep down there is a paragraph of words.</p>"
            + "</div>".repeat(depth)
            + "</body></html>")
        .getBytes(UTF_8);
  }

  private static byte[] fiftyMegabytes() {
    byte[] body = new byte[50 * 1024 * 1024];
    Arrays.fill(body, (byte) 'a');
    return body;
  }

  private byte[] overInboxLimit() {
    byte[] body = new byte[(int) server.config.inbox().maxBytes() + 1];
    Arrays.fill(body, (byte) 'a');
    return body;
  }

  private static byte[] uniqueText(String what) {
    return ("A file about "
            + what
            + " "
            + System.nanoTime()
            + "\n\nSome ordinary words about "
            + what
            + ".\n")
        .getBytes(UTF_8);
  }

  // ---- raw HTTP/1.1, so that paths go out exactly as written and an early answer is still read

  record Response(int status, String head, byte[] body) {
    String text() {
      return new String(body, UTF_8);
    }

    String text(int max) {
      String text = text();
      return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    String header(String name) {
      return head.lines()
          .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
          .map(l -> l.substring(name.length() + 1).strip())
          .findFirst()
          .orElse("");
    }
  }

  private Response exchange(
      String method, String target, String contentType, byte[] body, String token)
      throws IOException {
    int port = Integer.parseInt(server.baseUrl.substring(server.baseUrl.lastIndexOf(':') + 1));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      // Longer than the pipeline's own 30 s request timeout, so its answer is what is judged.
      socket.setSoTimeout(120_000);
      StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
      if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
      if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
      if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(ISO_8859_1));
      try {
        if (body != null) out.write(body);
        out.flush();
      } catch (IOException answeredEarly) {
        // The server may answer (413, 401) and close before the whole body went out.
      }
      return read(socket.getInputStream());
    }
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) all.write(buffer, 0, n);
    } catch (IOException reset) {
      // A reset after the answer: keep what was read.
    }
    byte[] bytes = all.toByteArray();
    String raw = new String(bytes, ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) throw new IOException("no HTTP answer: " + raw);
    String head = raw.substring(0, end);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) body = unchunk(body);
    return new Response(status, head, body);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at);
      if (lineEnd < 0) break;
      String size = new String(chunked, at, lineEnd - at, ISO_8859_1).split(";")[0].strip();
      int length = Integer.parseInt(size, 16);
      if (length == 0) break;
      out.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
    }
    return -1;
  }
}
