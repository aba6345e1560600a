package dev.tributary.store.sqlite;

import dev.tributary.store.StoreException;
import dev.tributary.store.StoreFullException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns the driver's exceptions into the store's: a full disk becomes a {@link StoreFullException}
 * (retry later), anything else a {@link StoreException}.
 *
 * <p>SQLite reports a write that ran out of space as {@code SQLITE_FULL}; some writes that fail
 * with {@code ENOSPC} (growing the WAL index, an fsync) surface as {@code SQLITE_IOERR} instead,
 * which SQLite does not tell apart from a failing disk. Those count as "full" when the file system
 * holding the database has less than {@link #MIN_FREE_BYTES} left.
 */
final class SqliteFailures {
  /** Below this much usable space the store counts as full: a WAL frame and its index need room. */
  static final long MIN_FREE_BYTES = 1 << 20;

  static final String FULL = "the disk is full; try again later";

  private final Path dataDir;

  SqliteFailures(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The store's exception for a driver failure while doing {@code what}. */
  StoreException of(String what, SQLException e) {
    if (isDiskFull(e)) return new StoreFullException(what + ": " + FULL, e);
    return new StoreException(what + ": " + e.getMessage(), e);
  }

  /** Throws {@link StoreFullException} when the data folder's file system has no room left. */
  void checkRoom() {
    long free = usableBytes();
    if (free < MIN_FREE_BYTES) {
      throw new StoreFullException(
          "only " + free + " bytes free under " + dataDir + ": " + FULL, null);
    }
  }

  private boolean isDiskFull(SQLException e) {
    int primary = primaryCode(e);
    if (primary == SQLiteErrorCode.SQLITE_FULL.code) return true;
    return primary == SQLiteErrorCode.SQLITE_IOERR.code && usableBytes() < MIN_FREE_BYTES;
  }

  /** The primary result code: the low byte of an extended one (SQLITE_IOERR_WRITE → IOERR). */
  private static int primaryCode(SQLException e) {
    int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
    return code & 0xff;
  }

  private long usableBytes() {
    try {
      return Files.getFileStore(dataDir).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // cannot tell: do not call the disk full on a guess
    }
  }
}
