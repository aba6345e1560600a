package dev.tributary.http;

import dev.tributary.publish.RenderedFeed;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A document held ready to send: its bytes as they are and gzip-compressed once, each with its own
 * strong ETag (they are different representations). Sending one costs no copy and no compression
 * per request. Build it off the event loop: compressing takes milliseconds.
 */
record CachedResponse(
    Buffer identity,
    Buffer gzip,
    String etag,
    String gzipEtag,
    String contentType,
    Instant lastModified) {

  static CachedResponse of(RenderedFeed doc) {
    String etag = doc.etag();
    String gzipEtag = etag.substring(0, etag.length() - 1) + "-gz\"";
    return new CachedResponse(
        Buffer.buffer(doc.body()),
        Buffer.buffer(gzip(doc.body())),
        etag,
        gzipEtag,
        doc.contentType(),
        doc.lastModified());
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 8192) {
          {
            def.setLevel(Deflater.DEFAULT_COMPRESSION);
          }
        }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip to memory failed", e);
    }
    return out.toByteArray();
  }
}
