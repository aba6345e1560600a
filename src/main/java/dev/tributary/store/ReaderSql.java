package dev.tributary.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of the reader account's state, the same on both stores (db/sqlite V9, db/postgres V4):
 * {@code reader_unread} holds a row for each unread article, with its source and stored time — a
 * new article is unread, its row written in the same transaction — and {@code reader_starred} one
 * for each starred article. Keeping the unread rather than the read makes what syncing asks for
 * (unread ids and counts, mark all as read) cost in proportion to what is unread, not to everything
 * stored. Placeholders are {@code ?}; the PostgreSQL store numbers them ({@link
 * Statement#numbered}).
 */
public final class ReaderSql {
  private ReaderSql() {}

  /** Statements over at most this many ids each: long lists are split. */
  public static final int IDS_PER_STATEMENT = 500;

  /** A statement and its parameters, in order. */
  public record Statement(String sql, List<?> params) {
    public Statement {
      params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** The SQL with PostgreSQL's numbered placeholders ({@code $1, $2, …}). */
    public String numbered() {
      StringBuilder out = new StringBuilder(sql.length() + 16);
      int n = 0;
      for (char c : sql.toCharArray()) {
        if (c == '?') out.append('$').append(++n);
        else out.append(c);
      }
      return out.toString();
    }
  }

  /**
   * Columns of {@link #page} and {@link #states}: seq, ingested_ms, source_id, is_read, is_starred.
   */
  private static final String STATE_COLUMNS =
      "SELECT a.seq, a.ingested_ms, a.source_id,"
          + " CASE WHEN u.article_seq IS NULL THEN 1 ELSE 0 END AS is_read,"
          + " CASE WHEN s.article_seq IS NULL THEN 0 ELSE 1 END AS is_starred";

  private static final String STATE_JOINS =
      " LEFT JOIN reader_unread u ON u.article_seq = a.seq"
          + " LEFT JOIN reader_starred s ON s.article_seq = a.seq";

  /** The columns a page filters and answers by: an articles row, or an unread row. */
  private record Rows(String seq, String ingested, String source) {
    static final Rows ARTICLES = new Rows("a.seq", "a.ingested_ms", "a.source_id");
    static final Rows UNREAD = new Rows("u.article_seq", "u.ingested_ms", "u.source_id");
  }

  /**
   * One page more than asked for (so the caller knows whether another follows), ids and state. An
   * unread-only page reads the unread rows alone, which carry what it needs; the others walk the
   * smallest table that decides them (the starred rows, a topic's rows, else the articles).
   */
  public static Statement page(ReaderQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql;
    Rows rows;
    String key;
    if (Boolean.FALSE.equals(q.read())) {
      rows = Rows.UNREAD;
      key = rows.seq();
      sql =
          new StringBuilder(
              "SELECT u.article_seq, u.ingested_ms, u.source_id, 0 AS is_read,"
                  + " CASE WHEN s.article_seq IS NULL THEN 0 ELSE 1 END AS is_starred"
                  + " FROM reader_unread u"
                  + " LEFT JOIN reader_starred s ON s.article_seq = u.article_seq WHERE 1 = 1");
      appendScope(sql, params, q.scope(), rows);
    } else {
      rows = Rows.ARTICLES;
      String driver;
      if (Boolean.TRUE.equals(q.starred())) {
        driver = " FROM reader_starred d JOIN articles a ON a.seq = d.article_seq";
      } else if (q.scope().topic() != null) {
        driver = " FROM article_topics d JOIN articles a ON a.seq = d.article_seq";
      } else {
        driver = " FROM articles a";
      }
      boolean topicDriven = driver.contains("article_topics d");
      key = driver.contains(" d ") ? "d.article_seq" : "a.seq";
      sql = new StringBuilder(STATE_COLUMNS).append(driver).append(STATE_JOINS);
      sql.append(" WHERE 1 = 1");
      if (topicDriven) {
        sql.append(" AND d.slug = ?");
        params.add(q.scope().topic());
      }
      appendScope(sql, params, topicDriven ? ReaderScope.ALL : q.scope(), rows);
      if (Boolean.TRUE.equals(q.read())) sql.append(" AND u.article_seq IS NULL");
    }
    if (q.starred() != null) {
      sql.append(q.starred() ? " AND s.article_seq IS NOT NULL" : " AND s.article_seq IS NULL");
    }
    if (q.since() != null) {
      sql.append(" AND ").append(rows.ingested()).append(" >= ?");
      params.add(q.since().toEpochMilli());
    }
    if (q.until() != null) {
      sql.append(" AND ").append(rows.ingested()).append(" < ?");
      params.add(q.until().toEpochMilli());
    }
    if (q.after() > 0) {
      sql.append(" AND ").append(key).append(q.oldestFirst() ? " > ?" : " < ?");
      params.add(q.after());
    }
    sql.append(" ORDER BY ").append(key).append(q.oldestFirst() ? " ASC" : " DESC");
    sql.append(" LIMIT ?");
    params.add(q.limit() + 1);
    return new Statement(sql.toString(), params);
  }

  /** Ids and state of these articles (at most {@link #IDS_PER_STATEMENT}). */
  public static Statement states(List<Long> seqs) {
    return new Statement(
        STATE_COLUMNS + " FROM articles a" + STATE_JOINS + " WHERE a.seq IN (" + marks(seqs) + ")",
        List.copyOf(seqs));
  }

  /** The statements that make a change, each over at most {@link #IDS_PER_STATEMENT} ids. */
  public static List<Statement> change(StateChange change, long nowMillis) {
    List<Statement> statements = new ArrayList<>();
    for (List<Long> ids : chunks(change.seqs())) {
      String in = " IN (" + marks(ids) + ")";
      if (Boolean.TRUE.equals(change.read())) {
        statements.add(new Statement("DELETE FROM reader_unread WHERE article_seq" + in, ids));
      } else if (Boolean.FALSE.equals(change.read())) {
        statements.add(
            new Statement(
                "INSERT INTO reader_unread (article_seq, source_id, ingested_ms)"
                    + " SELECT seq, source_id, ingested_ms FROM articles WHERE seq"
                    + in
                    + " ON CONFLICT DO NOTHING",
                ids));
      }
      if (Boolean.TRUE.equals(change.starred())) {
        List<Object> params = new ArrayList<>();
        params.add(nowMillis);
        params.addAll(ids);
        statements.add(
            new Statement(
                "INSERT INTO reader_starred (article_seq, starred_ms)"
                    + " SELECT seq, CAST(? AS BIGINT) FROM articles WHERE seq"
                    + in
                    + " ON CONFLICT DO NOTHING",
                params));
      } else if (Boolean.FALSE.equals(change.starred())) {
        statements.add(new Statement("DELETE FROM reader_starred WHERE article_seq" + in, ids));
      }
    }
    return statements;
  }

  /** Marks read the scope's unread articles stored at or before the mark's time. */
  public static Statement markAllRead(MarkAllRead mark) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("DELETE FROM reader_unread WHERE ingested_ms <= ?");
    params.add(mark.before().toEpochMilli());
    appendScope(
        sql,
        params,
        mark.scope(),
        new Rows("reader_unread.article_seq", "ingested_ms", "source_id"));
    return new Statement(sql.toString(), params);
  }

  /** source_id, unread count, newest unread ingested_ms. */
  public static final String UNREAD_BY_SOURCE =
      "SELECT source_id, COUNT(*), MAX(ingested_ms) FROM reader_unread"
          + " GROUP BY source_id ORDER BY source_id";

  /** slug, unread count, newest unread ingested_ms. */
  public static final String UNREAD_BY_TOPIC =
      "SELECT t.slug, COUNT(*), MAX(u.ingested_ms) FROM reader_unread u"
          + " JOIN article_topics t ON t.article_seq = u.article_seq GROUP BY t.slug ORDER BY t.slug";

  /**
   * The distinct source ids of the articles, one index step each (a loose index scan on {@code
   * articles_by_source}) rather than a pass over every article.
   */
  public static final String SOURCE_IDS =
      "WITH RECURSIVE ids (id) AS (SELECT MIN(source_id) FROM articles"
          + " UNION ALL SELECT (SELECT MIN(source_id) FROM articles WHERE source_id > ids.id)"
          + " FROM ids WHERE ids.id IS NOT NULL) SELECT id FROM ids WHERE id IS NOT NULL";

  /** A source's newest article (by the timeline's order): source_title, ingested_ms. */
  public static final String NEWEST_OF_SOURCE =
      "SELECT source_title, ingested_ms FROM articles WHERE source_id = ?"
          + " ORDER BY published_ms DESC, seq DESC LIMIT 1";

  /** Every subscribed feed: id, title, url, site_url. */
  public static final String SUBSCRIBED =
      "SELECT id, title, url, site_url FROM sources ORDER BY id";

  /** Which topics each source's articles carry: source_id, slug. Reads every topic row. */
  public static final String SOURCE_TOPICS =
      "SELECT DISTINCT a.source_id, t.slug FROM article_topics t"
          + " JOIN articles a ON a.seq = t.article_seq";

  /**
   * {@link #SOURCE_TOPICS} for SQLite: the articles' sources read from the index on them, not from
   * the rows, where the source comes after the text (each row read would be read whole: 1.9 s for
   * 20,000 articles, bench/reader.sh).
   */
  public static final String SOURCE_TOPICS_SQLITE =
      "SELECT DISTINCT a.source_id, t.slug FROM articles a INDEXED BY articles_by_source"
          + " JOIN article_topics t ON t.article_seq = a.seq";

  private static void appendScope(
      StringBuilder sql, List<Object> params, ReaderScope scope, Rows rows) {
    if (scope.sourceId() != null) {
      sql.append(" AND ").append(rows.source()).append(" = ?");
      params.add(scope.sourceId());
    }
    if (scope.topic() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_seq = ")
          .append(rows.seq())
          .append(" AND t.slug = ?)");
      params.add(scope.topic());
    }
  }

  /** The list in pieces of at most {@link #IDS_PER_STATEMENT}. */
  public static List<List<Long>> chunks(List<Long> seqs) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < seqs.size(); i += IDS_PER_STATEMENT) {
      chunks.add(List.copyOf(seqs.subList(i, Math.min(seqs.size(), i + IDS_PER_STATEMENT))));
    }
    return chunks;
  }

  private static String marks(List<Long> ids) {
    return String.join(", ", Collections.nCopies(ids.size(), "?"));
  }
}
