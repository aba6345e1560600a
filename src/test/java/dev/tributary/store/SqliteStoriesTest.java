package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stories contract on SQLite: a fresh file in a temp folder for each test; and the band rows'
 * way to the file (pending in the writer, written in one go: store/sqlite/PendingBands).
 */
class SqliteStoriesTest extends StoriesContract {
  @TempDir Path dir;

  private long bandRows(Path data) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tributary.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM story_bands")) {
      return rs.getLong(1);
    }
  }

  @Test
  void theBandRowsArePendingUntilTheWriterClosesThenWrittenAllAtOnce() throws Exception {
    store.put(article("original", WIRE, ORIGINAL));
    store.put(article("other", DAILY, paragraphs(700, 709)));
    assertEquals(0, bandRows(dir), "pending");

    store.close();
    store = SqliteStore.open(dir);

    assertEquals(2L * (StorySketch.BANDS + StorySketch.LEAD_BANDS), bandRows(dir));
    assertEquals(
        "original", store.put(article("cut", WEEKLY, FIRST_SIXTY_PERCENT)).article().storyId());
  }

  @Test
  void aCrashBeforeTheBandRowsAreWrittenLosesNoCandidate() throws Exception {
    store.put(article("original", WIRE, ORIGINAL));
    Path image = dir.resolve("crashed");
    Files.createDirectories(image);
    for (String file : List.of("tributary.db", "tributary.db-wal")) {
      Path f = dir.resolve(file);
      if (Files.exists(f)) Files.copy(f, image.resolve(file)); // as a crash leaves them
    }

    try (Store afterCrash = SqliteStore.open(image)) {
      StoredArticle copy = afterCrash.put(article("cut", DAILY, FIRST_SIXTY_PERCENT));
      assertEquals("original", copy.article().storyId());
    }
  }

  @Override
  protected Store open() {
    return SqliteStore.open(dir);
  }

  @Override
  protected Store reopenWith(StoryRules rules) {
    store.close();
    return SqliteStore.open(dir, rules);
  }
}
