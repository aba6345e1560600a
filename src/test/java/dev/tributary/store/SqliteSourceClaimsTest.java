package dev.tributary.store;

import dev.tributary.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSourceClaimsTest extends SourceClaimsContract {
  @TempDir Path dir;

  @Override
  protected Store open() {
    return SqliteStore.open(dir);
  }
}
