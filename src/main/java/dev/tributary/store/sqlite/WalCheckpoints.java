package dev.tributary.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the store's write-ahead log back into the database file on a thread and connection of its
 * own, so that the writer never does it.
 *
 * <p>By default SQLite checkpoints in the connection that commits, once the log holds 1,000 pages:
 * under a steady ingest every few dozen commits of the one writer then also read the log's new
 * pages, write them into the database file and fsync it, while every caller of the batch waits. A
 * {@code PASSIVE} checkpoint from another connection does the same work beside the writer and never
 * blocks it (nor a reader): it copies what no open read still needs and leaves the rest for the
 * next time. The writer restarts the log from its beginning when a checkpoint has copied all of it,
 * as before. Measured on 2 cores, warm {@code POST} from 16 clients: 754-811 → 836-888 articles/s,
 * higher in 4 of 4 pairs (bench/README.md, "The log checkpointed beside the writer").
 *
 * <p>The writer keeps an automatic checkpoint of its own at {@link #WRITER_BACKSTOP_PAGES}, far
 * above what this thread lets the log reach, so that the log stays bounded even when this thread
 * falls behind or has failed.
 */
final class WalCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

  /**
   * The writer's own automatic checkpoint, in pages (64 MiB of 4 KiB pages): the bound on the log
   * when this thread cannot keep up, 64 times SQLite's default.
   */
  static final int WRITER_BACKSTOP_PAGES = 16_384;

  /**
   * Least time between two checkpoints: under load one copies the pages of many commits at once (a
   * page written by several commits is copied once), and at rest a commit is copied at once.
   */
  static final long PACE_MILLIS = 200;

  private final Connection connection;
  private final ExecutorService thread =
      BackgroundWriter.thread("tributary-checkpoint", Thread.NORM_PRIORITY);
  private final AtomicBoolean requested = new AtomicBoolean();

  /** When the last checkpoint began (nanoTime; checkpoint thread only). */
  private long lastRun = System.nanoTime() - PACE_MILLIS * 1_000_000L;

  /** The last checkpoint's outcome: frames in the log, and of them copied (-1 before the first). */
  private volatile long logFrames = -1;

  private volatile long copiedFrames = -1;

  /** Checkpoints run so far. */
  private final AtomicLong done = new AtomicLong();

  private WalCheckpoints(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens a connection to the database {@code file} for checkpoints and turns the writer's own
   * automatic checkpoint into the backstop.
   */
  static WalCheckpoints open(Path file, Connection writer) throws SQLException {
    try (Statement st = writer.createStatement()) {
      st.execute("PRAGMA wal_autocheckpoint = " + WRITER_BACKSTOP_PAGES);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      st.execute("PRAGMA synchronous = FULL"); // the database file is synced after each copy
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return new WalCheckpoints(c);
  }

  /**
   * Asks for a checkpoint after a commit; returns at once (one request stands for many). It runs
   * {@link #PACE_MILLIS} after the previous one began at the earliest.
   */
  void request() {
    if (!requested.compareAndSet(false, true)) return;
    try {
      thread.execute(this::checkpointInTurn);
    } catch (RejectedExecutionException closed) {
      requested.set(false);
    }
  }

  private void checkpointInTurn() {
    long wait = lastRun + PACE_MILLIS * 1_000_000L - System.nanoTime();
    try {
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    requested.set(false);
    lastRun = System.nanoTime();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      if (rs.next()) {
        logFrames = rs.getLong(2);
        copiedFrames = rs.getLong(3);
      }
      done.incrementAndGet();
    } catch (SQLException e) {
      LOG.warn(
          "Could not checkpoint the store's log (tried again after the next commit): {}",
          e.getMessage());
    }
  }

  /** Checkpoints run so far. */
  long checkpoints() {
    return done.get();
  }

  /** Whether the last checkpoint copied the whole log back (false before the first). */
  boolean caughtUp() {
    return logFrames >= 0 && logFrames == copiedFrames;
  }

  /** Stops the thread (a checkpoint under way ends first) and closes its connection. */
  @Override
  public void close() {
    BackgroundWriter.stop(thread, true, connection, "checkpoint");
  }
}
