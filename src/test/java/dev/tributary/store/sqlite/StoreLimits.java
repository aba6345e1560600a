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

  /**
   * Makes SQLite refuse (a constraint failure, {@code RAISE(ABORT)}) every article whose title
   * contains {@code word}: one bad article among good ones, through the real insert.
   */
  public static void refuseTitlesContaining(java.nio.file.Path dataDir, String word)
      throws java.sql.SQLException {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tributary.db"));
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "CREATE TRIGGER refuse_"
              + word
              + " BEFORE INSERT ON articles WHEN instr(new.title, '"
              + word
              + "') > 0 BEGIN SELECT RAISE(ABORT, 'refused by the test: "
              + word
              + "'); END");
    }
  }
}
