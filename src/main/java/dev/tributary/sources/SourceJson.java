package dev.tributary.sources;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A source as {@code GET /api/sources} shows it. */
public final class SourceJson {
  private SourceJson() {}

  public static JsonObject of(Source s) {
    return new JsonObject()
        .put("id", s.id())
        .put("url", s.url())
        .put("title", s.title())
        .put("siteUrl", s.siteUrl())
        .put("intervalSeconds", s.intervalSeconds())
        .put("status", s.status())
        .put("lastAttempt", text(s.lastAttempt()))
        .put("lastSuccess", text(s.lastSuccess()))
        .put("lastHttpStatus", s.lastHttpStatus())
        .put("consecutiveErrors", s.consecutiveErrors())
        .put("lastError", s.lastError())
        .put("nextPoll", Source.DEAD.equals(s.status()) ? null : text(s.nextPoll()))
        .put("hub", s.hubUrl())
        .put("polledBy", s.polledBy());
  }

  private static String text(Instant when) {
    return when == null ? null : when.toString();
  }
}
