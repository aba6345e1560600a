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
 * V10: the full-text index is written by the article writes, no longer by an insert trigger. An
 * article indexed by the old trigger and one indexed by the store are both found by search, each
 * once, and the index agrees with the articles (FTS5's own integrity check).
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
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_insert'")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "the insert trigger is gone");
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
