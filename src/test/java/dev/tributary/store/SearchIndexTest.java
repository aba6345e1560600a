package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite writes the full-text index after its articles, in search.db, on a thread of its own (V11):
 * readers find an article once the index has caught up ({@link SqliteStore#indexPending} waits for
 * it), the writer's own search at once, and a crash in between loses nothing.
 */
class SearchIndexTest {
  @TempDir Path dir;

  @Test
  void readersSearchWhatHasBeenIndexed() {
    try (SqliteStore writer = SqliteStore.open(dir);
        SqliteStore reader = SqliteStore.openReader(dir)) {
      writer.putAll(List.of(StoreContract.article("lozenges for the clinic", 1)));
      writer.indexPending();
      assertEquals(1, found(reader, "lozenges"));
      writer.indexPending(); // nothing new: nothing indexed twice
      assertEquals(1, found(reader, "lozenges"));
    }
  }

  @Test
  void theWritersOwnSearchSeesItsWrites() {
    try (SqliteStore writer = SqliteStore.open(dir)) {
      writer.putAll(List.of(StoreContract.article("lozenges for the clinic", 1)));
      assertEquals(1, found(writer, "lozenges"));
    }
  }

  @Test
  void articlesACrashLeftUnindexedAreIndexedAtTheNextOpen() throws Exception {
    Path image = dir.resolve("crashed");
    try (SqliteStore writer = SqliteStore.open(dir)) {
      writer.putAll(List.of(StoreContract.article("lozenges for the clinic", 1)));
      Files.createDirectories(image);
      for (String file : List.of("tributary.db", "tributary.db-wal")) {
        Path f = dir.resolve(file);
        if (Files.exists(f)) Files.copy(f, image.resolve(file)); // as a crash leaves them
      }
    }
    SqliteStore.open(image).close();
    try (SqliteStore reader = SqliteStore.openReader(image)) {
      assertEquals(1, found(reader, "lozenges"));
    }
  }

  @Test
  void anIndexWithWordPositionsIsBuiltAgainWithout() throws Exception {
    try (SqliteStore writer = SqliteStore.open(dir)) {
      writer.putAll(List.of(StoreContract.article("lozenges for the clinic", 1)));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("search.db"));
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE articles_fts"); // as the index was first made: positions kept
      st.execute(
          "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = '',"
              + " contentless_delete = 1, tokenize = 'porter unicode61')");
    }
    try (SqliteStore writer = SqliteStore.open(dir)) {
      writer.indexPending();
      assertEquals(1, found(writer, "lozenges"), "the old index's articles are found again");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("search.db"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).contains("detail = none"), rs.getString(1));
    }
  }

  private static int found(SqliteStore store, String text) {
    return store.timeline(new TimelineQuery(List.of(), null, null, text, 10, null)).items().size();
  }
}
