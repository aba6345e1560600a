package dev.tributary.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCP bridge on a real loopback socket, in Vert.x's framing (4-byte big-endian length, then
 * JSON): only {@code send} to {@code tributary.ingest} with the token gets through.
 */
class TcpBridgeIT {
  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;
  int bridgePort;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      bridgePort = probe.getLocalPort();
    }
    vertx = TestServer.newVertx();
    server =
        TestServer.start(
            vertx,
            dataDir,
            new JsonObject()
                .put("bridge", new JsonObject().put("port", bridgePort))
                .put("http", new JsonObject().put("maxBodyBytes", 4096)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  JsonObject send(String address, String token, JsonObject body) {
    JsonObject frame =
        new JsonObject()
            .put("type", "send")
            .put("address", address)
            .put("replyAddress", "reply-1")
            .put("body", body);
    if (token != null) frame.put("headers", new JsonObject().put("token", token));
    return frame;
  }

  @Test
  void aSendWithTheTokenStoresTheArticleAndRepliesWithIt() throws Exception {
    JsonObject article =
        new JsonObject()
            .put("title", "Bridge notes")
            .put("text", "Beans and tomatoes grew well in the bridge garden this year.")
            .put("source", "sensor-7");
    try (Bridge bridge = new Bridge()) {
      JsonObject reply = bridge.exchange(send("tributary.ingest", server.token, article));
      assertEquals("message", reply.getString("type"), reply.encode());
      assertEquals("reply-1", reply.getString("address"));
      assertEquals("true", reply.getJsonObject("headers").getString("created"));
      JsonObject stored = reply.getJsonObject("body");
      assertEquals("Bridge notes", stored.getString("title"));
      assertEquals("api:sensor-7", stored.getJsonObject("source").getString("id"));
      assertEquals(200, server.get("/api/articles/" + stored.getString("id")).statusCode());

      JsonObject again = bridge.exchange(send("tributary.ingest", server.token, article));
      assertEquals("false", again.getJsonObject("headers").getString("created"));
    }
  }

  @Test
  void aWrongOrMissingTokenIsAnswered_err() throws Exception {
    JsonObject article = new JsonObject().put("text", "Never stored.");
    try (Bridge bridge = new Bridge()) {
      assertErr(bridge.exchange(send("tributary.ingest", "A" + server.token, article)));
      assertErr(bridge.exchange(send("tributary.ingest", null, article)));
    }
    assertTrue(
        new JsonObject(server.get("/api/timeline").body()).getJsonArray("items").isEmpty(),
        "nothing stored");
  }

  @Test
  void anotherAddressIsAnswered_errEvenWithTheToken() throws Exception {
    try (Bridge bridge = new Bridge()) {
      JsonObject reply =
          bridge.exchange(send("tributary.store.ping", server.token, new JsonObject()));
      assertErr(reply);
      assertEquals("access_denied", reply.getString("message"));
    }
  }

  @Test
  void publishAndRegisterAreAnswered_err() throws Exception {
    JsonObject article = new JsonObject().put("text", "Published, not sent.");
    try (Bridge bridge = new Bridge()) {
      assertErr(
          bridge.exchange(send("tributary.ingest", server.token, article).put("type", "publish")));
      assertErr(
          bridge.exchange(
              new JsonObject()
                  .put("type", "register")
                  .put("address", "tributary.article.stored")
                  .put("headers", new JsonObject().put("token", server.token))));
    }
  }

  @Test
  void badInputIsAFailureWithStatus400() throws Exception {
    try (Bridge bridge = new Bridge()) {
      JsonObject reply =
          bridge.exchange(
              send("tributary.ingest", server.token, new JsonObject().put("title", "no body")));
      assertErr(reply);
      assertEquals(400, reply.getInteger("failureCode"), reply.encode());
      assertTrue(reply.getString("message").contains("\"text\""), reply.encode());
    }
  }

  @Test
  void aFrameLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
    try (Bridge bridge = new Bridge()) {
      bridge.out.writeInt(TcpBridge.maxFrameBytes(4096) + 1);
      bridge.out.write(new byte[1024]);
      bridge.out.flush();
      JsonObject reply = bridge.read();
      assertErr(reply);
      assertTrue(reply.getString("message").startsWith("frame_too_large"), reply.encode());
      assertEquals(-1, bridge.in.read(), "the connection is closed");
    }
  }

  static void assertErr(JsonObject reply) {
    assertEquals("err", reply.getString("type"), reply.encode());
  }

  /** A client speaking the bridge's framing over a plain socket. */
  final class Bridge implements AutoCloseable {
    final Socket socket = new Socket(InetAddress.getLoopbackAddress(), bridgePort);
    final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    final DataInputStream in = new DataInputStream(socket.getInputStream());

    Bridge() throws Exception {
      socket.setSoTimeout(30_000); // a guard against a hang, not a timed assertion
    }

    JsonObject exchange(JsonObject frame) throws Exception {
      byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      out.flush();
      return read();
    }

    JsonObject read() throws Exception {
      int length = in.readInt();
      byte[] json = new byte[length];
      in.readFully(json);
      return new JsonObject(new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }
}
