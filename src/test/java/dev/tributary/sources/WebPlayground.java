package dev.tributary.sources;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** A local HTTP server on 127.0.0.1 playing the hostile and the friendly web for the fetcher. */
final class WebPlayground {

  static final String FEED = "<rss version=\"2.0\"><channel><title>Good</title></channel></rss>";
  static final String ETAG = "\"v1\"";
  static final String LAST_MODIFIED = "Sat, 21 Nov 2026 10:00:00 GMT";
  static final long TEN_GB = 10L * 1024 * 1024 * 1024;

  final AtomicInteger requests = new AtomicInteger();
  final AtomicLong endlessBytesSent = new AtomicLong();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final Vertx vertx;
  private final byte[] bomb;
  private HttpServer server;

  WebPlayground(Vertx vertx) {
    this.vertx = vertx;
    this.bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KiB on the wire
  }

  Future<Integer> start() {
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    requests.incrementAndGet();
    HttpServerResponse response = request.response();
    String path = request.path();
    if (path.startsWith("/hops/")) {
      int left = Integer.parseInt(path.substring("/hops/".length()));
      if (left == 0) {
        response.end("arrived");
      } else {
        redirect(response, 302, "" + (left - 1)); // relative: /hops/<left-1>
      }
      return;
    }
    switch (path) {
      case "/good" ->
          response
              .putHeader("Content-Type", "application/rss+xml; charset=utf-8")
              .putHeader("ETag", ETAG)
              .putHeader("Last-Modified", LAST_MODIFIED)
              .end(FEED);
      case "/conditional" -> conditional(request, response);
      case "/headers" ->
          response.end(
              "host="
                  + request.getHeader("Host")
                  + "\nuser-agent="
                  + request.getHeader("User-Agent")
                  + "\naccept="
                  + request.getHeader("Accept")
                  + "\naccept-encoding="
                  + request.getHeader("Accept-Encoding"));
      case "/slow" -> vertx.setTimer(1500, t -> endQuietly(response, "too late"));
      case "/hang" -> {} // never answers
      case "/drip" -> drip(response);
      case "/loop" -> redirect(response, 301, "/loop-again");
      case "/loop-again" -> redirect(response, 308, url("/loop"));
      case "/to-blocked" -> redirect(response, 302, "http://2130706434:" + port() + "/good");
      case "/to-metadata" -> redirect(response, 307, "http://169.254.169.254/latest/meta-data/");
      case "/no-location" -> response.setStatusCode(302).end();
      case "/endless" -> endless(response);
      case "/declared-huge" ->
          response.putHeader("Content-Length", "2000000").end(Buffer.buffer(new byte[2_000_000]));
      case "/bomb" -> response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(bomb));
      case "/gzip" ->
          response
              .putHeader("Content-Encoding", "gzip")
              .end(Buffer.buffer(gzip(FEED.getBytes(StandardCharsets.UTF_8))));
      case "/deflate" ->
          response
              .putHeader("Content-Encoding", "deflate")
              .end(Buffer.buffer(deflate(FEED.getBytes(StandardCharsets.UTF_8))));
      case "/truncated-gzip" -> {
        byte[] whole = gzip(FEED.getBytes(StandardCharsets.UTF_8));
        response
            .putHeader("Content-Encoding", "gzip")
            .end(Buffer.buffer(java.util.Arrays.copyOf(whole, whole.length - 6)));
      }
      case "/brotli" -> response.putHeader("Content-Encoding", "br").end("not really brotli");
      case "/too-many-requests" ->
          response.setStatusCode(429).putHeader("Retry-After", "120").end("slow down");
      case "/unavailable-until" ->
          response
              .setStatusCode(503)
              .putHeader(
                  "Retry-After",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10)))
              .end();
      case "/gone" -> response.setStatusCode(410).end("gone for good");
      case "/concurrent" -> {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        vertx.setTimer(
            50,
            t -> {
              inFlight.decrementAndGet();
              response.end("done");
            });
      }
      default -> response.setStatusCode(404).end();
    }
  }

  private static void conditional(HttpServerRequest request, HttpServerResponse response) {
    response.putHeader("ETag", ETAG).putHeader("Last-Modified", LAST_MODIFIED);
    boolean fresh =
        ETAG.equals(request.getHeader("If-None-Match"))
            && LAST_MODIFIED.equals(request.getHeader("If-Modified-Since"));
    if (fresh) {
      response.setStatusCode(304).end();
    } else {
      response.end(FEED);
    }
  }

  private static void redirect(HttpServerResponse response, int status, String location) {
    response.setStatusCode(status).putHeader("Location", location).end();
  }

  /** Headers at once, then one byte every 50 ms forever: never idle, never finished. */
  private void drip(HttpServerResponse response) {
    response.setChunked(true).write("<");
    long timer = vertx.setPeriodic(50, t -> response.write("x").onFailure(e -> {}));
    response.closeHandler(v -> vertx.cancelTimer(timer));
  }

  /** A chunked body that claims to go on for 10 GB, written only as fast as it is read. */
  private void endless(HttpServerResponse response) {
    Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
    response.setChunked(true);
    Runnable[] pump = new Runnable[1];
    pump[0] =
        () -> {
          while (!response.writeQueueFull() && !response.closed()) {
            if (endlessBytesSent.addAndGet(chunk.length()) >= TEN_GB) {
              response.end();
              return;
            }
            response.write(chunk);
          }
          if (!response.closed()) {
            response.drainHandler(v -> pump[0].run());
          }
        };
    pump[0].run();
  }

  private static void endQuietly(HttpServerResponse response, String body) {
    if (!response.closed() && !response.ended()) {
      response.end(body).onFailure(e -> {});
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater())) {
      deflate.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
