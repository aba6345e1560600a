package dev.tributary.store;

/**
 * The store has no room left to write: the disk (or the file system's quota) is full. Writes are
 * refused until space returns; reads keep working. Callers should retry later, not drop the input.
 */
public final class StoreFullException extends StoreException {
  public StoreFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
