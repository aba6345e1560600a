package dev.tributary.store;

import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.store.sqlite.StoreLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite: a fresh file in a temp folder for each test. */
class SqliteStoreTest extends StoreContract {
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

  @Override
  protected void refuseTitlesContaining(String word) throws Exception {
    StoreLimits.refuseTitlesContaining(dir, word);
  }
}
