package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log is copied back into the database file by the checkpoint thread, not by the writer. */
class WalCheckpointsTest {
  @TempDir Path dir;

  @Test
  void copiesTheCommittedLogIntoTheDatabaseFileWhileTheWriterNeverDoes() throws Exception {
    Path file = dir.resolve("store.db");
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement st = writer.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, text TEXT NOT NULL)");
      }
      try (WalCheckpoints checkpoints = WalCheckpoints.open(file, writer)) {
        assertEquals(WalCheckpoints.WRITER_BACKSTOP_PAGES, pragma(writer, "wal_autocheckpoint"));
        assertFalse(checkpoints.caughtUp(), "no checkpoint before the first request");
        writer.setAutoCommit(false);
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          for (int n = 1; n <= 2_000; n++) {
            ps.setInt(1, n);
            ps.setString(2, "row " + n + " ".repeat(200));
            ps.executeUpdate();
            if (n % 100 == 0) {
              writer.commit();
              checkpoints.request();
            }
          }
        }
        writer.setAutoCommit(true);
        // Two more checkpoints: at most one was under way, so the second began after the last
        // commit.
        long before = checkpoints.checkpoints();
        for (int i = 0; i < 600 && checkpoints.checkpoints() < before + 2; i++) {
          checkpoints.request();
          Thread.sleep(50);
        }
        assertTrue(checkpoints.checkpoints() >= before + 2, "checkpoints ran");
        assertTrue(checkpoints.caughtUp(), "the whole log copied back");
        // The database file alone, without its log, holds every committed row.
        Path copy = dir.resolve("copy.db");
        Files.copy(file, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
            Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
          rs.next();
          assertEquals(2_000, rs.getInt(1));
        }
      }
    }
  }

  private static long pragma(Connection c, String name) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
