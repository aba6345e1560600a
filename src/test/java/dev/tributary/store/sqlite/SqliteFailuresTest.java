package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tributary.store.StoreException;
import dev.tributary.store.StoreFullException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteFailuresTest {
  @TempDir Path dir;

  StoreException translated(SQLiteErrorCode code) {
    return new SqliteFailures(dir).of("cannot store article a1", new SQLiteException("x", code));
  }

  @Test
  void sqliteFullIsAFullDiskThatSaysSo() {
    StoreException e = translated(SQLiteErrorCode.SQLITE_FULL);
    assertInstanceOf(StoreFullException.class, e);
    assertEquals("cannot store article a1: the disk is full; try again later", e.getMessage());
  }

  @Test
  void anIoErrorWithRoomLeftIsNotAFullDisk() {
    assertFalse(translated(SQLiteErrorCode.SQLITE_IOERR_WRITE) instanceof StoreFullException);
  }

  @Test
  void otherErrorsKeepTheDriversMessage() {
    StoreException e = translated(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    assertFalse(e instanceof StoreFullException);
    assertEquals("cannot store article a1: x", e.getMessage());
  }
}
