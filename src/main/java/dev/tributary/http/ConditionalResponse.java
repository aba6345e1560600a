package dev.tributary.http;

import dev.tributary.publish.RenderedFeed;
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

  static void send(RoutingContext ctx, RenderedFeed doc) {
    send(ctx, doc, FEED_CACHING);
  }

  static void send(RoutingContext ctx, RenderedFeed doc, String cacheControl) {
    var response = ctx.response();
    String lastModified =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            doc.lastModified().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    response
        .putHeader("ETag", doc.etag())
        .putHeader("Last-Modified", lastModified)
        .putHeader("Cache-Control", cacheControl)
        .putHeader("Vary", "Accept-Encoding");
    if (notModified(ctx.request(), doc)) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", doc.contentType());
    if (ctx.request().method().name().equals("HEAD")) {
      response.putHeader("Content-Length", Integer.toString(doc.body().length)).end();
    } else {
      response.end(Buffer.buffer(doc.body()));
    }
  }

  static boolean notModified(HttpServerRequest request, RenderedFeed doc) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(doc.etag()) || t.equals("W/" + doc.etag())) return true;
      }
      return false; // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
    }
    String ifModifiedSince = request.getHeader("If-Modified-Since");
    if (ifModifiedSince == null) return false;
    try {
      Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince));
      return !doc.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
