package dev.tributary.store.postgres;

import dev.tributary.article.Article;
import dev.tributary.store.Cursor;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Timeline reads: keyset paging on (published, seq) descending, with optional topic, source, since
 * and full-text filters, as in the SQLite store.
 *
 * <p>The full-text filter is {@code plainto_tsquery('english', q)} against the {@code search}
 * column: every word must match, stemmed, and the query's punctuation is never syntax — as the
 * SQLite store's FTS5 query does. English stop words ("the", "and") are dropped from both sides, so
 * a query of stop words only filters nothing, where SQLite would look for them.
 */
final class PostgresTimeline {
  private PostgresTimeline() {}

  static Future<TimelinePage> page(SqlClient client, TimelineQuery query) {
    Tuple params = Tuple.tuple();
    StringBuilder sql = new StringBuilder(ArticleRows.SELECT).append(" WHERE TRUE");
    if (!query.topics().isEmpty()) {
      sql.append(" AND a.seq IN (SELECT article_seq FROM article_topics WHERE slug = ANY(")
          .append(param(params, query.topics().toArray(String[]::new)))
          .append("))");
    }
    if (query.sourceId() != null) {
      sql.append(" AND a.source_id = ").append(param(params, query.sourceId()));
    }
    if (query.firstCopiesOnly()) sql.append(" AND a.story_id = a.id");
    if (query.since() != null) {
      sql.append(" AND a.published_ms >= ").append(param(params, query.since().toEpochMilli()));
    }
    if (query.text() != null && !query.text().isBlank()) {
      String q = "plainto_tsquery('english', " + param(params, query.text()) + ")";
      sql.append(" AND (numnode(").append(q).append(") = 0 OR a.search @@ ").append(q).append(")");
    }
    Cursor after = query.after();
    if (after != null) {
      String published = param(params, after.publishedMillis());
      sql.append(" AND (a.published_ms < ")
          .append(published)
          .append(" OR (a.published_ms = ")
          .append(published)
          .append(" AND a.seq < ")
          .append(param(params, after.seq()))
          .append("))");
    }
    sql.append(" ORDER BY a.published_ms DESC, a.seq DESC LIMIT ")
        .append(param(params, (long) query.limit() + 1));
    return ArticleRows.read(client, sql.toString(), params)
        .map(
            rows -> {
              boolean more = rows.size() > query.limit();
              List<StoredArticle> page = more ? rows.subList(0, query.limit()) : rows;
              Cursor next = null;
              if (more) {
                StoredArticle last = page.get(page.size() - 1);
                next = new Cursor(last.article().published().toEpochMilli(), last.seq());
              }
              List<Article> items = page.stream().map(StoredArticle::article).toList();
              return new TimelinePage(items, next);
            });
  }

  /** Articles stored after a sequence number, oldest first, optionally in some topics. */
  static Future<List<StoredArticle>> storedAfter(SqlClient client, ReplayQuery query) {
    Tuple params = Tuple.tuple();
    StringBuilder sql =
        new StringBuilder(ArticleRows.SELECT)
            .append(" WHERE a.seq > ")
            .append(param(params, query.afterSeq()));
    if (!query.topics().isEmpty()) {
      sql.append(" AND a.seq IN (SELECT article_seq FROM article_topics WHERE slug = ANY(")
          .append(param(params, query.topics().toArray(String[]::new)))
          .append("))");
    }
    sql.append(" ORDER BY a.seq ASC LIMIT ").append(param(params, (long) query.limit()));
    return ArticleRows.read(client, sql.toString(), params);
  }

  /** Adds a parameter; answers its placeholder. */
  private static String param(Tuple params, Object value) {
    params.addValue(value);
    return "$" + params.size();
  }
}
