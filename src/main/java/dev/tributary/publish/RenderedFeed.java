package dev.tributary.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * A feed document ready to send: its bytes, a strong ETag from their hash, and the time of its
 * newest article for Last-Modified.
 */
public record RenderedFeed(byte[] body, String contentType, String etag, Instant lastModified) {

  public static RenderedFeed of(String document, String contentType, Instant lastModified) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    return new RenderedFeed(body, contentType, etagOf(body), lastModified);
  }

  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
