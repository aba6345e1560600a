package dev.tributary.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The feed page just newer than another, for RFC 5005's {@code next-archive} link: the page whose
 * cursor is {@code before}, or the subscription document (the newest entries) when {@code before}
 * is null.
 *
 * <p>Pages are addressed by the timeline cursor: the page {@code before=c} holds the {@code limit}
 * entries just below {@code c}. Its newer neighbour ends at {@code c} itself, so that neighbour's
 * own cursor is the {@code limit}-th entry above {@code c}; with fewer above it, the neighbour is
 * the subscription document.
 */
public record NewerPage(Cursor before) {

  /**
   * The entries just above the query's cursor, oldest first, {@code limit} at most: published_ms,
   * seq. Topics and source as the query's; the same SQL on both stores ({@code ?} placeholders).
   */
  public static ReaderSql.Statement sql(TimelineQuery query) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.published_ms, a.seq FROM articles a"
                + " WHERE (a.published_ms > ? OR (a.published_ms = ? AND a.seq > ?))");
    params.add(query.after().publishedMillis());
    params.add(query.after().publishedMillis());
    params.add(query.after().seq());
    if (!query.topics().isEmpty()) {
      sql.append(" AND a.seq IN (SELECT article_seq FROM article_topics WHERE slug IN (")
          .append(String.join(", ", Collections.nCopies(query.topics().size(), "?")))
          .append("))");
      params.addAll(query.topics());
    }
    if (query.sourceId() != null) {
      sql.append(" AND a.source_id = ?");
      params.add(query.sourceId());
    }
    sql.append(" ORDER BY a.published_ms ASC, a.seq ASC LIMIT ?");
    params.add(query.limit());
    return new ReaderSql.Statement(sql.toString(), params);
  }

  /** From the rows {@link #sql} answered (each published_ms, seq). */
  public static NewerPage of(List<long[]> rows, int limit) {
    if (rows.size() < limit) return new NewerPage(null);
    long[] last = rows.get(limit - 1);
    return new NewerPage(new Cursor(last[0], last[1]));
  }
}
