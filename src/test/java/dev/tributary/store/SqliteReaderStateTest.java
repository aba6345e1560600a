package dev.tributary.store;

import dev.tributary.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The reader state contract on SQLite: a fresh file in a temp folder for each test. */
class SqliteReaderStateTest extends ReaderStateContract {
  @TempDir Path dir;

  @Override
  protected Store open() {
    return SqliteStore.open(dir);
  }

  @Override
  protected Store reopen() {
    store.close();
    return SqliteStore.open(dir);
  }
}
