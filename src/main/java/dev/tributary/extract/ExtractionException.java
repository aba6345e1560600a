package dev.tributary.extract;

/** A document that cannot become an article; the message says why, in words a user can act on. */
public class ExtractionException extends Exception {
  public ExtractionException(String message) {
    super(message);
  }
}
