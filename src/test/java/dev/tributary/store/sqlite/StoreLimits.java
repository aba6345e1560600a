package dev.tributary.store.sqlite;

/**
 * Fills a real SQLite store without filling a disk: SQLite's page cap makes a write that needs a
 * new page fail with {@code SQLITE_FULL}, the code a full disk gives, through the store's own path.
 */
public final class StoreLimits {
  private StoreLimits() {}

  /** No write that needs another page fits any more. */
  public static void fill(SqliteStore store) {
    store.limitPages(1); // SQLite raises a cap below the current size to the current size
  }

  /** Room again, as when space returns. */
  public static void free(SqliteStore store) {
    store.limitPages(1L << 30);
  }
}
