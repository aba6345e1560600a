package dev.tributary.reader;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code continuation} of a stream page: the sequence number the page ended at, opaque to the
 * client. The next page starts strictly after it, so articles that arrive while a client pages
 * never make it skip or repeat an item.
 */
public final class Continuation {
  private static final String VERSION = "r1:";

  private Continuation() {}

  public static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((VERSION + seq).getBytes(StandardCharsets.UTF_8));
  }

  /** The sequence number a continuation carries; a {@link BadContinuation} when not one of ours. */
  public static long decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
      if (!plain.startsWith(VERSION)) throw new BadContinuation(text);
      long seq = Long.parseLong(plain.substring(VERSION.length()));
      if (seq <= 0) throw new BadContinuation(text);
      return seq;
    } catch (IllegalArgumentException e) {
      if (e instanceof BadContinuation bad) throw bad;
      throw new BadContinuation(text);
    }
  }

  /** A continuation this server did not hand out. */
  public static final class BadContinuation extends IllegalArgumentException {
    BadContinuation(String text) {
      super("c: not a continuation this server handed out: '" + ItemIds.shorten(text) + "'");
    }
  }
}
