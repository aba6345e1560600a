package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may call what: the token before any body on every write route, the source list and OPML
 * export behind the token unless {@code sources.public}, and {@code /metrics} for {@code
 * metrics.allowedNetworks} only.
 */
class AccessIT {
  static final long TWENTY_MB = 20L * 1024 * 1024;

  @TempDir Path dataDir;
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = TestServer.newVertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  TestServer server(JsonObject overrides) throws Exception {
    return TestServer.start(vertx, dataDir, overrides);
  }

  /** The status line and body of a request that announces a body but sends only its first KiB. */
  static String[] announceBody(TestServer server, String method, String path, long length)
      throws Exception {
    URI base = URI.create(server.baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      // Not a timed assertion: a server that waits for the other 20 MB would hang the test.
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1024]);
      out.flush();
      String head = readHead(socket.getInputStream());
      String status = head.substring(0, head.indexOf("\r\n"));
      int at = head.toLowerCase().indexOf("content-length: ");
      int bodyLength = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)).trim());
      byte[] body = socket.getInputStream().readNBytes(bodyLength);
      return new String[] {status, new String(body, StandardCharsets.UTF_8)};
    }
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) break;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /api/articles",
    "POST, /api/sources",
    "POST, /api/sources/opml",
    "POST, /api/topics/retag",
    "POST, /api/topics/ketamine/examples",
    "DELETE, /api/sources/s123",
    "PUT, /api/articles",
  })
  void anAnonymousTwentyMegabyteWriteIsRefusedWith401BeforeItsBodyIsRead(String method, String path)
      throws Exception {
    TestServer server = server(new JsonObject());
    String[] answer = announceBody(server, method, path, TWENTY_MB);
    assertEquals("HTTP/1.1 401 Unauthorized", answer[0], path);
    assertTrue(new JsonObject(answer[1]).getString("error").contains("token"), answer[1]);
  }

  @Test
  void theSourceListAndOpmlExportNeedTheToken() throws Exception {
    TestServer server = server(new JsonObject());
    assertEquals(401, server.get("/api/sources").statusCode());
    assertEquals(401, server.get("/sources.opml").statusCode());
    assertEquals(200, server.getWithToken("/api/sources").statusCode());
    assertEquals(200, server.getWithToken("/sources.opml").statusCode());
  }

  @Test
  void sourcesPublicOpensTheSourceListAndOpmlExport() throws Exception {
    TestServer server =
        server(new JsonObject().put("sources", new JsonObject().put("public", true)));
    assertEquals(200, server.get("/api/sources").statusCode());
    assertEquals(200, server.get("/sources.opml").statusCode());
    assertEquals(401, server.post("/api/sources", "application/json", "{}", null).statusCode());
  }

  @Test
  void metricsAnswerLoopbackByDefault() throws Exception {
    assertEquals(200, server(new JsonObject()).get("/metrics").statusCode());
  }

  @Test
  void metricsRefuseAClientOutsideTheAllowedNetworks() throws Exception {
    TestServer server =
        server(
            new JsonObject()
                .put("metrics", new JsonObject().put("allowedNetworks", "10.0.0.0/8, fd00::/8")));
    var refused = server.get("/metrics");
    assertEquals(403, refused.statusCode());
    assertTrue(new JsonObject(refused.body()).getString("error").contains("allowedNetworks"));
  }
}
