package dev.tributary.bridge;

import dev.tributary.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The TCP event-bus bridge on {@code bridge.port} (docs/BRIDGE.md): services outside the cluster
 * send articles to {@code tributary.ingest}. Vert.x's bridge (vertx-tcp-eventbus-bridge) speaks the
 * protocol and permits inbound messages to that one address only, nothing outbound; its event hook
 * lets through {@code send} frames whose {@code headers.token} is {@code api.token} (compared in
 * constant time, and removed before the message goes on) and blocks every other kind ({@code
 * publish}, {@code register}, …) with an {@code err} frame.
 *
 * <p>Vert.x's bridge buffers a frame of whatever length a client announces, so it listens on a
 * loopback port of its own and clients reach it through a guard on {@code bridge.port}, which
 * passes the bytes through as they come and cuts a connection whose frame announces more than
 * {@code maxFrameBytes} ({@link FrameLimit}), answering {@code err} {@code frame_too_large}.
 */
public final class TcpBridge extends VerticleBase {
  private static final String LOOPBACK = "127.0.0.1";

  private final String host;
  private final int port;
  private final byte[] token;
  private final int maxFrameBytes;
  private NetServer guard;
  private NetClient toBridge;
  private int bridgePort;

  /**
   * @param host the interface clients reach the bridge on
   * @param port the port ({@code bridge.port}; 0 for any free one)
   * @param maxFrameBytes the largest frame a client may send
   */
  public TcpBridge(String host, int port, String token, int maxFrameBytes) {
    this.host = host;
    this.port = port;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public Future<?> start() {
    BridgeOptions permitted =
        new BridgeOptions()
            .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PUBLIC_INGEST));
    TcpEventBusBridge bridge =
        TcpEventBusBridge.create(vertx, permitted, new NetServerOptions(), this::onBridgeEvent);
    toBridge = vertx.createNetClient();
    guard = vertx.createNetServer().connectHandler(this::onClient);
    return vertx
        .executeBlocking(TcpBridge::freeLoopbackPort, false)
        .compose(
            free -> {
              bridgePort = free;
              return bridge.listen(free, LOOPBACK);
            })
        .compose(listening -> guard.listen(port, host));
  }

  /**
   * Frames as large as an article body the API takes ({@code http.maxBodyBytes}) written with
   * JSON's escapes (a quote or backslash takes two bytes), plus 64 KiB for the frame's other
   * fields.
   */
  public static int maxFrameBytes(long maxBodyBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 8L, 2 * maxBodyBytes + 64 * 1024);
  }

  /**
   * Vert.x's bridge cannot say which port it took for 0, so it gets one found free a moment before.
   */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return probe.getLocalPort();
    }
  }

  private void onBridgeEvent(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED, SOCKET_CLOSED, SOCKET_IDLE, SOCKET_PING, SOCKET_ERROR ->
          event.complete(true);
      case SEND -> event.complete(takeToken(event.getRawMessage()));
      default -> event.complete(false);
    }
  }

  /** Whether the frame carries the token; the token does not travel further either way. */
  private boolean takeToken(JsonObject frame) {
    JsonObject headers = frame == null ? null : frame.getJsonObject("headers");
    Object given = headers == null ? null : headers.remove("token");
    return given instanceof String text
        && MessageDigest.isEqual(token, text.getBytes(StandardCharsets.UTF_8));
  }

  private void onClient(NetSocket client) {
    client.pause();
    toBridge
        .connect(bridgePort, LOOPBACK)
        .onSuccess(bridge -> join(client, bridge))
        .onFailure(e -> client.close());
  }

  private void join(NetSocket client, NetSocket bridge) {
    FrameLimit limit = new FrameLimit(maxFrameBytes);
    client.handler(
        chunk -> {
          if (!limit.accepts(chunk)) {
            client.handler(null);
            bridge.close();
            client.end(errFrame("frame_too_large: the limit is " + maxFrameBytes + " bytes"));
            return;
          }
          bridge.write(chunk);
          if (bridge.writeQueueFull()) {
            client.pause();
            bridge.drainHandler(v -> client.resume());
          }
        });
    client.closeHandler(v -> bridge.close());
    client.exceptionHandler(e -> client.close());
    bridge.exceptionHandler(e -> bridge.close());
    bridge.pipeTo(client);
    client.resume();
  }

  /** An {@code err} frame in the bridge's own framing. */
  static Buffer errFrame(String message) {
    Buffer json = new JsonObject().put("type", "err").put("message", message).toBuffer();
    return Buffer.buffer().appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public Future<?> stop() {
    return guard == null ? Future.succeededFuture() : guard.close();
  }
}
