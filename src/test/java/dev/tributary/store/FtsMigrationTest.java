package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V10 and V11: the full-text index leaves the store's file for search.db, written after the
 * articles by a thread of its own. An article stored (and indexed by the old trigger) before and
 * one stored after are both found by search, each once, and the new index passes FTS5's integrity
 * check.
 */
class FtsMigrationTest {
  @TempDir Path dataDir;

  @Test
  void articlesIndexedByTheOldTriggerAndByTheStoreAreFoundEachOnce() throws Exception {
    try (Connection v9 =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tributary.db"))) {
      new Migrations("sqlite", SqliteStore.MIGRATIONS.subList(0, 9)).migrate(v9);
      try (Statement st = v9.createStatement()) {
        st.execute(
            "INSERT INTO articles (id, content_hash, title, summary, content_html, text,"
                + " source_id, source_title, published_ms, ingested_ms, story_id) VALUES ('old',"
                + " 'h-old', 'Esketamine before', 's', '<p>t</p>', 'esketamine clinics opened',"
                + " 'inbox', 'Inbox', 1000, 1000, 'old')");
      }
    }
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      store.putAll(
          List.of(
              StoreContract.article("esketamine clinics closed", 2),
              StoreContract.article("nasal spray approved", 3)));
      assertEquals(List.of("esketamine clinics closed", "esketamine clinics opened"), found(store));
      assertEquals(1, store.timeline(query("approved")).items().size());
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tributary.db"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_fts%'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no index, no trigger left in the store's file");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("search.db"));
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM search_state")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  private static List<String> found(SqliteStore store) {
    return store.timeline(query("esketamine")).items().stream()
        .map(a -> a.text())
        .sorted()
        .toList();
  }

  private static TimelineQuery query(String text) {
    return new TimelineQuery(List.of(), null, null, text, 10, null);
  }
}
