package dev.tributary.store.postgres;

import dev.tributary.store.DueQuery;
import dev.tributary.store.Source;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code sources} table: subscriptions and their polling state. */
final class PostgresSources {
  private static final String COLUMNS =
      "id, url, title, site_url, interval_seconds, etag, last_modified, status, last_attempt_ms,"
          + " last_success_ms, last_http_status, consecutive_errors, last_error, next_poll_ms,"
          + " hub_url, created_ms";

  private static final String VALUES =
      "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16";

  private PostgresSources() {}

  /**
   * Inserts the source unless its URL is subscribed already; answers the stored one. Safe against
   * another instance adding the same URL at the same moment: the unique URL decides.
   */
  static Future<Source> add(SqlClient client, Source source) {
    return client
        .preparedQuery(
            "INSERT INTO sources (" + COLUMNS + ") VALUES (" + VALUES + ") ON CONFLICT DO NOTHING")
        .execute(bind(source))
        .compose(x -> query(client, "WHERE url = $1", Tuple.of(source.url())))
        .map(found -> found.isEmpty() ? source : found.get(0));
  }

  static Future<Void> update(SqlClient client, Source s) {
    return client
        .preparedQuery("UPDATE sources SET (" + COLUMNS + ") = (" + VALUES + ") WHERE id = $17")
        .execute(bind(s).addValue(s.id()))
        .mapEmpty();
  }

  static Future<Boolean> delete(SqlClient client, String id) {
    return client
        .preparedQuery("DELETE FROM sources WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }

  static Future<List<Source>> all(SqlClient client) {
    return query(client, "ORDER BY created_ms, id", Tuple.tuple());
  }

  static Future<Optional<Source>> byId(SqlClient client, String id) {
    return query(client, "WHERE id = $1", Tuple.of(id)).map(s -> s.stream().findFirst());
  }

  static Future<List<Source>> due(SqlClient client, DueQuery q) {
    return query(
        client,
        "WHERE next_poll_ms <= $1 AND status <> 'dead' AND NOT (id = ANY($2))"
            + " ORDER BY next_poll_ms LIMIT $3",
        Tuple.of(q.now().toEpochMilli(), q.excludeIds().toArray(String[]::new), (long) q.limit()));
  }

  private static Future<List<Source>> query(SqlClient client, String where, Tuple params) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM sources " + where)
        .execute(params)
        .map(
            rows -> {
              List<Source> sources = new ArrayList<>();
              for (Row r : rows) sources.add(read(r));
              return sources;
            });
  }

  private static Tuple bind(Source s) {
    return Tuple.tuple()
        .addValue(s.id())
        .addValue(s.url())
        .addValue(s.title())
        .addValue(s.siteUrl())
        .addValue((long) s.intervalSeconds())
        .addValue(s.etag())
        .addValue(s.lastModified())
        .addValue(s.status())
        .addValue(millis(s.lastAttempt()))
        .addValue(millis(s.lastSuccess()))
        .addValue(s.lastHttpStatus() == null ? null : (long) s.lastHttpStatus())
        .addValue((long) s.consecutiveErrors())
        .addValue(s.lastError())
        .addValue(s.nextPoll().toEpochMilli())
        .addValue(s.hubUrl())
        .addValue(s.created().toEpochMilli());
  }

  static Long millis(Instant when) {
    return when == null ? null : when.toEpochMilli();
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static Source read(Row r) {
    Long lastStatus = r.getLong("last_http_status");
    return new Source(
        r.getString("id"),
        r.getString("url"),
        r.getString("title"),
        r.getString("site_url"),
        r.getLong("interval_seconds").intValue(),
        r.getString("etag"),
        r.getString("last_modified"),
        r.getString("status"),
        instant(r.getLong("last_attempt_ms")),
        instant(r.getLong("last_success_ms")),
        lastStatus == null ? null : lastStatus.intValue(),
        r.getLong("consecutive_errors").intValue(),
        r.getString("last_error"),
        Instant.ofEpochMilli(r.getLong("next_poll_ms")),
        r.getString("hub_url"),
        Instant.ofEpochMilli(r.getLong("created_ms")));
  }
}
