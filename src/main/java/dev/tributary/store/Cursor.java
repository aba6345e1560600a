package dev.tributary.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the timeline: the sort key (published time, insertion sequence) of the last item
 * seen. Keyset paging on this key never skips or repeats an item while new articles arrive. Its
 * text form is opaque to clients.
 */
public record Cursor(long publishedMillis, long seq) {
  private static final String VERSION = "1";

  public String encode() {
    String plain = VERSION + ":" + publishedMillis + ":" + seq;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or empty when it is not one of ours. */
  public static Optional<Cursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split(":");
      if (parts.length != 3 || !parts[0].equals(VERSION)) return Optional.empty();
      return Optional.of(new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
