package dev.tributary.publish;

/** A feed could not be written; the input was cleaned, so this points at a bug, not bad data. */
public class FeedRenderingException extends RuntimeException {
  public FeedRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
