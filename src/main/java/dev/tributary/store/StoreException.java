package dev.tributary.store;

/** The store could not do what was asked; wraps the driver's exception. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
