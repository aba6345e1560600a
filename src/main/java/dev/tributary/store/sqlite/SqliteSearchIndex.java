package dev.tributary.store.sqlite;

import dev.tributary.store.StoreVerticle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite store's full-text index, in a database file of its own ({@value #FILE} beside {@code
 * tributary.db}), written by a thread of its own after the articles: the article writer never
 * tokenises a text nor waits for FTS5, and the index is written in batches of whatever was stored
 * since the last one (FTS5 writes a segment per commit and merges them later, so larger batches
 * cost less per article). Search may lag the articles by one batch — well under a second unless the
 * machine is saturated; {@link #catchUpNow} brings it up to date for a caller that must see its own
 * writes.
 *
 * <p>The index ({@code articles_fts}: FTS5, contentless, porter stemming over title and text, its
 * rowid the article's {@code seq}) and its watermark ({@code search_state.indexed_through_seq}:
 * every article up to it is indexed) are written in one transaction, so after a crash the index is
 * consistent and the articles above the watermark are indexed at the next start. That makes a lost
 * tail harmless, so the file is written with {@code synchronous = NORMAL} (no fsync per batch).
 * Readers attach the file as {@code search}.
 */
final class SqliteSearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteSearchIndex.class);

  static final String FILE = "search.db";

  /** Articles indexed per transaction at most: bounds a catch-up's memory and WAL. */
  static final int CHUNK = 2_000;

  /**
   * {@code detail = none}: the index keeps which articles hold a term, not where. Search asks for
   * articles holding every word ({@code FullTextQuery}), never a phrase or a word's position, and
   * so needs no more; writing it costs about 40 % less than with positions, and it is a fraction of
   * the size. A phrase search would need the index rebuilt with {@code detail = full}.
   */
  private static final String FTS =
      "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content = '',"
          + " contentless_delete = 1, detail = none, tokenize = 'porter unicode61')";

  private static final String STATE =
      "CREATE TABLE IF NOT EXISTS search_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
          + " indexed_through_seq INTEGER NOT NULL)";

  private final Connection connection;
  private final ExecutorService thread =
      BackgroundWriter.thread("tributary-search-index", StoreVerticle.BELOW_THE_WRITER);
  private final AtomicBoolean requested = new AtomicBoolean();

  /** Least time between the starts of two requested catch-ups. */
  static final long PACE_MILLIS = 500;

  /** Articles a catch-up must have found for the next to wait its turn: the mark of load. */
  static final int PACE_FROM = 64;

  /** Articles the last requested catch-up indexed (index thread only). */
  private int lastCount;

  /** When the last requested catch-up began (nanoTime; index thread only). */
  private long lastRun = System.nanoTime() - PACE_MILLIS * 1_000_000L;

  private SqliteSearchIndex(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens (creating when missing) the index file of the store in {@code dataDir}, with the store's
   * file attached for reading the articles, and starts indexing what is not indexed yet.
   */
  static SqliteSearchIndex open(Path dataDir) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE));
    try {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = NORMAL");
        st.execute("PRAGMA busy_timeout = 5000");
        dropAnOlderIndex(st);
        st.execute(FTS);
        st.execute(STATE);
        st.execute("INSERT OR IGNORE INTO search_state (id, indexed_through_seq) VALUES (1, 0)");
      }
      attach(c, dataDir.resolve("tributary.db"), "store");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    SqliteSearchIndex index = new SqliteSearchIndex(c);
    index.request();
    return index;
  }

  /**
   * An index written before {@code detail = none} (with word positions) goes, with its watermark:
   * it is built again from the articles in the background, as after a first start.
   */
  private static void dropAnOlderIndex(Statement st) throws SQLException {
    String sql;
    try (ResultSet rs =
        st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")) {
      if (!rs.next()) return;
      sql = rs.getString(1);
    }
    if (sql.contains("detail = none")) return;
    LOG.info("Rebuilding the search index without word positions (in the background)");
    st.execute("DROP TABLE articles_fts");
    st.execute("DROP TABLE IF EXISTS search_state");
  }

  /** Attaches a database file under a schema name. */
  static void attach(Connection connection, Path file, String schema) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
      ps.setString(1, file.toString());
      ps.execute();
    }
  }

  /**
   * Asks the index thread to catch up; returns at once (one request stands for many). Under load —
   * the last catch-up found at least {@link #PACE_FROM} articles — a request made less than {@link
   * #PACE_MILLIS} after that catch-up began waits for the rest of it, so that the index is written
   * in batches of that much ingest, not one per commit; else it catches up at once, so that a quiet
   * post is searchable as soon as it is stored.
   */
  void request() {
    if (!requested.compareAndSet(false, true)) return;
    try {
      thread.execute(
          () -> {
            long wait =
                lastCount < PACE_FROM ? 0 : lastRun + PACE_MILLIS * 1_000_000L - System.nanoTime();
            try {
              if (wait > 0) Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            requested.set(false);
            lastRun = System.nanoTime();
            try {
              lastCount = catchUp();
            } catch (SQLException | RuntimeException e) {
              LOG.warn(
                  "Could not write the search index yet (it is written at the next try): {}",
                  e.getMessage());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      requested.set(false);
    }
  }

  /** Brings the index up to date with every committed article before returning. */
  void catchUpNow() throws SQLException {
    if (thread.isShutdown()) return; // closed: the next open catches up
    try {
      thread.submit(() -> catchUp()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while writing the search index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException se) throw se;
      throw new SQLException("cannot write the search index: " + e.getCause(), e.getCause());
    }
  }

  /** On the index thread: indexes the articles above the watermark, {@link #CHUNK} at a time. */
  private int catchUp() throws SQLException {
    int indexed = 0;
    while (true) {
      long from = number("SELECT indexed_through_seq FROM search_state");
      long through;
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT max(seq) FROM (SELECT seq FROM store.articles WHERE seq > ? ORDER BY seq"
                  + " LIMIT ?)")) {
        ps.setLong(1, from);
        ps.setInt(2, CHUNK);
        try (ResultSet rs = ps.executeQuery()) {
          through = rs.next() ? rs.getLong(1) : 0;
        }
      }
      if (through <= from) return indexed;
      long chunk = from;
      indexed +=
          SqliteTransaction.run(
              connection,
              () -> {
                try (PreparedStatement insert =
                        connection.prepareStatement(
                            "INSERT INTO main.articles_fts (rowid, title, text) SELECT seq, title,"
                                + " text FROM store.articles WHERE seq > ? AND seq <= ? ORDER BY"
                                + " seq");
                    PreparedStatement mark =
                        connection.prepareStatement(
                            "UPDATE main.search_state SET indexed_through_seq = ?")) {
                  insert.setLong(1, chunk);
                  insert.setLong(2, through);
                  int rows = insert.executeUpdate();
                  mark.setLong(1, through);
                  mark.executeUpdate();
                  return rows;
                }
              });
    }
  }

  private long number(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Indexes what is left, then stops the thread and closes the file. */
  @Override
  public void close() {
    try {
      catchUpNow();
    } catch (SQLException e) {
      LOG.warn(
          "The search index could not catch up before closing (it does at the next open): {}",
          e.getMessage());
    }
    BackgroundWriter.stop(thread, false, connection, "search index");
  }
}
