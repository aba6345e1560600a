package dev.tributary.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One transaction on a SQLite connection, with plain BEGIN / COMMIT / ROLLBACK rather than the
 * driver's auto-commit switch: after a failed commit (a full disk) SQLite may already have rolled
 * back, and the driver's switch would then fail too and hide the real cause. Used by the store's
 * writer and by the search index's thread, each on its own connection.
 */
final class SqliteTransaction {
  private SqliteTransaction() {}

  /** Work inside the transaction. */
  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  static <T> T run(Connection connection, Work<T> work) throws SQLException {
    execute(connection, "BEGIN");
    try {
      T result = work.run();
      execute(connection, "COMMIT");
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(connection, e);
      throw e;
    }
  }

  /**
   * Rolls back after a failure. A rollback that fails too (SQLite rolls back by itself on some
   * errors, SQLITE_FULL among them) is kept with the original failure rather than replacing it.
   */
  private static void rollback(Connection connection, Exception failure) {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
