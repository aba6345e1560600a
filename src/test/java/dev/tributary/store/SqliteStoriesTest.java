package dev.tributary.store;

import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.StoryRules;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stories contract on SQLite: a fresh file in a temp folder for each test. */
class SqliteStoriesTest extends StoriesContract {
  @TempDir Path dir;

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
