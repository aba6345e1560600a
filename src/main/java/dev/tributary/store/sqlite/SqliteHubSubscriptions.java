package dev.tributary.store.sqlite;

import dev.tributary.websub.HubSubscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code hub_subscriptions} table: one WebSub subscription per source (V4; V5 added {@code
 * callback_token}).
 */
final class SqliteHubSubscriptions {
  private final Connection connection;

  SqliteHubSubscriptions(Connection connection) {
    this.connection = connection;
  }

  Optional<HubSubscription> bySource(String sourceId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT source_id, hub_url, topic_url, secret, callback_token, state, requested_ms,"
                + " lease_seconds, lease_expires_ms, last_error FROM hub_subscriptions WHERE source_id = ?")) {
      ps.setString(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Inserts or replaces the source's subscription; false when the source is gone. */
  boolean save(HubSubscription s) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO hub_subscriptions (source_id, hub_url, topic_url, secret, callback_token,"
                + " state, requested_ms, lease_seconds, lease_expires_ms, last_error)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS"
                + " (SELECT 1 FROM sources WHERE id = ?)"
                + " ON CONFLICT (source_id) DO UPDATE SET hub_url = excluded.hub_url,"
                + " topic_url = excluded.topic_url, secret = excluded.secret,"
                + " callback_token = excluded.callback_token,"
                + " state = excluded.state, requested_ms = excluded.requested_ms,"
                + " lease_seconds = excluded.lease_seconds,"
                + " lease_expires_ms = excluded.lease_expires_ms,"
                + " last_error = excluded.last_error")) {
      ps.setString(1, s.sourceId());
      ps.setString(2, s.hubUrl());
      ps.setString(3, s.topic());
      ps.setString(4, s.secret());
      ps.setString(5, s.callbackToken());
      ps.setString(6, s.state());
      ps.setLong(7, s.requested().toEpochMilli());
      if (s.leaseSeconds() == null) ps.setNull(8, Types.INTEGER);
      else ps.setInt(8, s.leaseSeconds());
      if (s.leaseExpires() == null) ps.setNull(9, Types.INTEGER);
      else ps.setLong(9, s.leaseExpires().toEpochMilli());
      ps.setString(10, s.lastError());
      ps.setString(11, s.sourceId());
      return ps.executeUpdate() > 0;
    }
  }

  private static HubSubscription read(ResultSet rs) throws SQLException {
    int lease = rs.getInt("lease_seconds");
    Integer leaseSeconds = rs.wasNull() ? null : lease;
    long expires = rs.getLong("lease_expires_ms");
    Instant leaseExpires = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
    return new HubSubscription(
        rs.getString("source_id"),
        rs.getString("hub_url"),
        rs.getString("topic_url"),
        rs.getString("secret"),
        rs.getString("callback_token"),
        rs.getString("state"),
        Instant.ofEpochMilli(rs.getLong("requested_ms")),
        leaseSeconds,
        leaseExpires,
        rs.getString("last_error"));
  }
}
