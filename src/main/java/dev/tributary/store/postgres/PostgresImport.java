package dev.tributary.store.postgres;

import dev.tributary.store.StoreException;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a whole store's tables into this PostgreSQL database, row for row — sequence numbers,
 * example ids and the corpus watermark kept as they are — in one transaction that also holds the
 * article writers' lock: the copy is all there, or (on any failure, a count mismatch included) none
 * of it. Used by {@code tributary migrate}.
 */
public final class PostgresImport {
  /** A table as copied: its columns (the same on both stores) and its key, for a stable order. */
  public record Table(String name, List<String> columns, String key) {}

  /** Every table of the store, parents before children. */
  public static final List<Table> TABLES =
      List.of(
          new Table(
              "articles",
              List.of(
                  "seq",
                  "id",
                  "content_hash",
                  "title",
                  "summary",
                  "content_html",
                  "text",
                  "url",
                  "source_id",
                  "source_title",
                  "author",
                  "published_ms",
                  "ingested_ms",
                  "tags",
                  "story_id"),
              "seq"),
          new Table(
              "article_topics",
              List.of("article_seq", "slug", "label", "score"),
              "article_seq, slug"),
          new Table(
              "topic_examples",
              List.of("id", "slug", "title", "text", "article_id", "added_ms"),
              "id"),
          new Table(
              "sources",
              List.of(
                  "id",
                  "url",
                  "title",
                  "site_url",
                  "interval_seconds",
                  "etag",
                  "last_modified",
                  "status",
                  "last_attempt_ms",
                  "last_success_ms",
                  "last_http_status",
                  "consecutive_errors",
                  "last_error",
                  "next_poll_ms",
                  "hub_url",
                  "created_ms",
                  "polled_by",
                  "lease_until_ms"),
              "id"),
          new Table(
              "hub_subscriptions",
              List.of(
                  "source_id",
                  "hub_url",
                  "topic_url",
                  "secret",
                  "callback_token",
                  "state",
                  "requested_ms",
                  "lease_seconds",
                  "lease_expires_ms",
                  "last_error"),
              "source_id"),
          new Table("story_bands", List.of("band_key", "article_seq"), "band_key, article_seq"),
          new Table("corpus_terms", List.of("hash", "stem", "df"), "hash"),
          new Table("corpus_state", List.of("id", "documents", "counted_through_seq"), "id"),
          new Table(
              "reader_unread", List.of("article_seq", "source_id", "ingested_ms"), "article_seq"),
          new Table("reader_starred", List.of("article_seq", "starred_ms"), "article_seq"));

  /** Where the rows come from: the source store, table by table. */
  public interface Rows {
    long count(Table table);

    /** Hands over the table's rows in key order, in batches, each row its columns' values. */
    void read(Table table, int batchSize, Consumer<List<Object[]>> batch);
  }

  private static final int BATCH = 1000;

  private final PostgresDatabase db;
  private final Consumer<String> progress;

  public PostgresImport(PostgresDatabase db, Consumer<String> progress) {
    this.db = db;
    this.progress = progress;
  }

  /**
   * Copies every table; refuses a target that holds articles, sources, examples or corpus counts
   * unless {@code replace}, which empties it first. Answers the rows copied per table.
   */
  public List<Long> copy(Rows source, boolean replace) {
    SqlConnection c = db.await(db.pool()::getConnection);
    try {
      run(c, "BEGIN");
      try {
        List<Long> copied = copyInTransaction(c, source, replace);
        run(c, "COMMIT");
        return copied;
      } catch (StoreException e) {
        run(c, "ROLLBACK");
        throw e;
      } catch (RuntimeException e) {
        run(c, "ROLLBACK");
        throw new StoreException("the copy failed, nothing was copied: " + e.getMessage(), e);
      }
    } finally {
      db.await(c::close);
    }
  }

  private List<Long> copyInTransaction(SqlConnection c, Rows source, boolean replace) {
    db.await(() -> PostgresStore.lockArticleWriters(c));
    String held = held(c);
    if (!held.isEmpty() && !replace) {
      throw new StoreException(
          "the target database is not empty (" + held + "); add --replace to empty it first", null);
    }
    if (!held.isEmpty() || count(c, "corpus_state") > 0) {
      List<String> names = TABLES.stream().map(Table::name).toList();
      run(c, "TRUNCATE " + String.join(", ", names) + " RESTART IDENTITY");
    }
    List<Long> copied = new ArrayList<>();
    for (Table t : TABLES) copied.add(copyTable(c, source, t));
    run(
        c,
        "SELECT setval(pg_get_serial_sequence('articles', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM articles");
    run(
        c,
        "SELECT setval(pg_get_serial_sequence('topic_examples', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM topic_examples");
    checkCounts(c, source);
    return copied;
  }

  private long copyTable(SqlConnection c, Rows source, Table t) {
    long total = source.count(t);
    String sql =
        "INSERT INTO "
            + t.name()
            + " ("
            + String.join(", ", t.columns())
            + ") VALUES ("
            + placeholders(t.columns().size())
            + ")";
    long[] done = {0};
    source.read(
        t,
        BATCH,
        rows -> {
          List<Tuple> tuples = new ArrayList<>(rows.size());
          for (Object[] row : rows) tuples.add(tuple(row));
          db.await(() -> c.preparedQuery(sql).executeBatch(tuples));
          done[0] += rows.size();
          if (done[0] % (10 * BATCH) == 0 || done[0] == total) {
            progress.accept(t.name() + ": " + done[0] + " / " + total);
          }
        });
    if (total == 0) progress.accept(t.name() + ": 0 / 0");
    return done[0];
  }

  /** Fails (and so rolls back) unless every table holds as many rows as its source. */
  private void checkCounts(SqlConnection c, Rows source) {
    List<String> mismatches = new ArrayList<>();
    for (Table t : TABLES) {
      long from = source.count(t);
      long to = count(c, t.name());
      if (from != to) mismatches.add(t.name() + " " + from + " in the source, " + to + " copied");
    }
    if (!mismatches.isEmpty()) {
      throw new StoreException(
          "counts differ, nothing was copied: " + String.join("; ", mismatches), null);
    }
  }

  private String held(SqlConnection c) {
    List<String> held = new ArrayList<>();
    for (String table : List.of("articles", "sources", "topic_examples", "corpus_terms")) {
      long n = count(c, table);
      if (n > 0) held.add(n + " " + table);
    }
    return String.join(", ", held);
  }

  private long count(SqlConnection c, String table) {
    return db.await(
        () ->
            c.query("SELECT COUNT(*) FROM " + table)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0)));
  }

  private void run(SqlConnection c, String sql) {
    db.await(() -> c.query(sql).execute());
  }

  /** One row's values as the pg client binds them: SQLite's small integers as longs. */
  private static Tuple tuple(Object[] row) {
    Tuple tuple = Tuple.tuple();
    for (Object v : row) tuple.addValue(v instanceof Integer i ? Long.valueOf(i) : v);
    return tuple;
  }

  private static String placeholders(int n) {
    List<String> p = new ArrayList<>(Collections.nCopies(n, ""));
    for (int i = 0; i < n; i++) p.set(i, "$" + (i + 1));
    return String.join(", ", p);
  }
}
