package dev.tributary.store;

/**
 * What {@link Store#putAll} did with one article of a batch: stored it (a new sequence number),
 * found it a duplicate of one stored before (in an earlier batch or earlier in the same one), or
 * failed on it alone, with the reason. Exactly one of {@code stored} and {@code failure} is set.
 */
public record PutResult(StoredArticle stored, String failure) {

  public static PutResult of(StoredArticle stored) {
    return new PutResult(stored, null);
  }

  public static PutResult failed(String reason) {
    return new PutResult(null, reason);
  }

  public boolean isFailed() {
    return failure != null;
  }
}
