package dev.tributary.store.postgres;

import dev.tributary.websub.HubSubscription;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;

/** The {@code hub_subscriptions} table: one WebSub subscription per source. */
final class PostgresHubSubscriptions {
  private PostgresHubSubscriptions() {}

  static Future<Optional<HubSubscription>> bySource(SqlClient client, String sourceId) {
    return client
        .preparedQuery(
            "SELECT source_id, hub_url, topic_url, secret, callback_token, state, requested_ms,"
                + " lease_seconds, lease_expires_ms, last_error FROM hub_subscriptions"
                + " WHERE source_id = $1")
        .execute(Tuple.of(sourceId))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
  }

  /** Inserts or replaces the source's subscription; false when the source is gone. */
  static Future<Boolean> save(SqlClient client, HubSubscription s) {
    return client
        .preparedQuery(
            "INSERT INTO hub_subscriptions (source_id, hub_url, topic_url, secret, callback_token,"
                + " state, requested_ms, lease_seconds, lease_expires_ms, last_error)"
                + " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE EXISTS"
                + " (SELECT 1 FROM sources WHERE id = $1)"
                + " ON CONFLICT (source_id) DO UPDATE SET hub_url = excluded.hub_url,"
                + " topic_url = excluded.topic_url, secret = excluded.secret,"
                + " callback_token = excluded.callback_token, state = excluded.state,"
                + " requested_ms = excluded.requested_ms, lease_seconds = excluded.lease_seconds,"
                + " lease_expires_ms = excluded.lease_expires_ms, last_error = excluded.last_error")
        .execute(
            Tuple.tuple()
                .addValue(s.sourceId())
                .addValue(s.hubUrl())
                .addValue(s.topic())
                .addValue(s.secret())
                .addValue(s.callbackToken())
                .addValue(s.state())
                .addValue(s.requested().toEpochMilli())
                .addValue(s.leaseSeconds() == null ? null : (long) s.leaseSeconds())
                .addValue(PostgresSources.millis(s.leaseExpires()))
                .addValue(s.lastError()))
        .map(rows -> rows.rowCount() > 0);
  }

  private static HubSubscription read(Row r) {
    Long lease = r.getLong("lease_seconds");
    return new HubSubscription(
        r.getString("source_id"),
        r.getString("hub_url"),
        r.getString("topic_url"),
        r.getString("secret"),
        r.getString("callback_token"),
        r.getString("state"),
        Instant.ofEpochMilli(r.getLong("requested_ms")),
        lease == null ? null : lease.intValue(),
        PostgresSources.instant(r.getLong("lease_expires_ms")),
        r.getString("last_error"));
  }
}
