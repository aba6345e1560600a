package dev.tributary.store.postgres;

import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The {@code sources} table: subscriptions and their polling state. */
final class PostgresSources {
  private static final String COLUMNS =
      "id, url, title, site_url, interval_seconds, etag, last_modified, status, last_attempt_ms,"
          + " last_success_ms, last_http_status, consecutive_errors, last_error, next_poll_ms,"
          + " hub_url, created_ms";

  /** What is read: the written columns and the claim's {@code polled_by}. */
  private static final String READ_COLUMNS = COLUMNS + ", polled_by";

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
        .preparedQuery(
            "UPDATE sources SET ("
                + COLUMNS
                + ") = ("
                + VALUES
                + "), lease_until_ms = NULL WHERE id = $17")
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

  /**
   * One statement: the due sources no one else holds are leased to the claimant and answered,
   * soonest first. {@code SKIP LOCKED} lets instances claiming at once pass over each other's rows
   * instead of waiting; a row another claim committed meanwhile is checked again against the lease
   * before it is locked, so each source goes to one claimant.
   */
  static Future<List<Source>> claimDue(SqlClient client, DueQuery q) {
    return client
        .preparedQuery(
            "UPDATE sources SET polled_by = $1, lease_until_ms = $2 WHERE id IN (SELECT id FROM"
                + " sources WHERE next_poll_ms <= $3 AND status <> 'dead' AND (lease_until_ms IS"
                + " NULL OR lease_until_ms < $3 OR polled_by = $1) AND NOT (id = ANY($4))"
                + " ORDER BY next_poll_ms LIMIT $5 FOR UPDATE SKIP LOCKED) RETURNING "
                + READ_COLUMNS)
        .execute(
            Tuple.of(
                q.claimant(),
                q.leaseUntil().toEpochMilli(),
                q.now().toEpochMilli(),
                q.excludeIds().toArray(String[]::new),
                (long) q.limit()))
        .map(PostgresSources::sources)
        .map(
            claimed -> {
              claimed.sort(Comparator.comparing(Source::nextPoll).thenComparing(Source::id));
              return claimed;
            });
  }

  private static Future<List<Source>> query(SqlClient client, String where, Tuple params) {
    return client
        .preparedQuery("SELECT " + READ_COLUMNS + " FROM sources " + where)
        .execute(params)
        .map(PostgresSources::sources);
  }

  private static List<Source> sources(RowSet<Row> rows) {
    List<Source> sources = new ArrayList<>();
    for (Row r : rows) sources.add(read(r));
    return sources;
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
        Instant.ofEpochMilli(r.getLong("created_ms")),
        r.getString("polled_by"));
  }
}
