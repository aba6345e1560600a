package dev.tributary.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread and connection of a store task that runs beside the writer ({@link SqliteSearchIndex},
 * {@link WalCheckpoints}): one daemon thread of its own, and the orderly stop of both.
 */
final class BackgroundWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWriter.class);

  private BackgroundWriter() {}

  /** A single daemon thread named {@code name}, at {@code priority}. */
  static ExecutorService thread(String name, int priority) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          t.setPriority(priority);
          return t;
        });
  }

  /**
   * Stops {@code thread} — after its queued tasks, or at once when {@code interrupt} (a task under
   * way still ends first) — waiting up to 30 s, then closes {@code connection}; failures are logged
   * under {@code what}.
   */
  static void stop(ExecutorService thread, boolean interrupt, Connection connection, String what) {
    if (interrupt) thread.shutdownNow();
    else thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("The {} thread did not stop within 30 s", what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not close the {} connection: {}", what, e.getMessage());
    }
  }
}
