package dev.tributary.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Sends a rendered document with ETag, Last-Modified and Cache-Control, or 304 when unchanged. */
final class ConditionalResponse {
  /** Feeds: readers may reuse a copy for a minute, then revalidate with the ETag. */
  static final String FEED_CACHING = "public, max-age=60";

  /** API answers: always revalidate (cheap: 304 while nothing changed). */
  static final String REVALIDATE = "no-cache";

  private ConditionalResponse() {}

  static void send(RoutingContext ctx, CachedResponse doc) {
    send(ctx, doc, FEED_CACHING);
  }

  static void send(RoutingContext ctx, CachedResponse doc, String cacheControl) {
    boolean gzip = acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    String etag = gzip ? doc.gzipEtag() : doc.etag();
    Buffer body = gzip ? doc.gzip() : doc.identity();
    var response = ctx.response();
    String lastModified =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            doc.lastModified().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    response
        .putHeader("ETag", etag)
        .putHeader("Last-Modified", lastModified)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", "Accept-Encoding");
    if (notModified(ctx.request(), etag, doc.lastModified())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", doc.contentType());
    // Already compressed: the Content-Encoding header keeps the server's compressor off it.
    if (gzip) response.putHeader("Content-Encoding", "gzip");
    if (ctx.request().method().name().equals("HEAD")) {
      response.putHeader("Content-Length", Integer.toString(body.length())).end();
    } else {
      response.end(body);
    }
  }

  /** True unless the client does not list gzip, or lists it with q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.trim().split(";");
      if (!fields[0].trim().equalsIgnoreCase("gzip")) continue;
      for (int i = 1; i < fields.length; i++) {
        String param = fields[i].trim().replace(" ", "");
        if (param.equals("q=0") || param.matches("q=0(\\.0+)?")) return false;
      }
      return true;
    }
    return false;
  }

  static boolean notModified(HttpServerRequest request, String etag, Instant lastModified) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
      }
      return false; // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
    }
    String ifModifiedSince = request.getHeader("If-Modified-Since");
    if (ifModifiedSince == null) return false;
    try {
      Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince));
      return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
