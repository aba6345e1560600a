package dev.tributary.topics;

/** The taxonomy file cannot be used; the message names the file and what to fix. */
public final class TaxonomyException extends RuntimeException {
  public TaxonomyException(String message) {
    super(message);
  }

  public TaxonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}
