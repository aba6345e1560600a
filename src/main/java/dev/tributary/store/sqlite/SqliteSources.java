package dev.tributary.store.sqlite;

import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The {@code sources} table: subscriptions and their polling state. */
final class SqliteSources {
  private static final String COLUMNS =
      "id, url, title, site_url, interval_seconds, etag, last_modified, status, last_attempt_ms,"
          + " last_success_ms, last_http_status, consecutive_errors, last_error, next_poll_ms,"
          + " hub_url, created_ms, polled_by";

  private final Connection connection;

  SqliteSources(Connection connection) {
    this.connection = connection;
  }

  /** Inserts the source unless its URL is already subscribed; answers the stored one. */
  Source add(Source source) throws SQLException {
    Optional<Source> existing = byUrl(source.url());
    if (existing.isPresent()) return existing.get();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO sources ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
      bind(ps, source);
      ps.executeUpdate();
    }
    return source;
  }

  void update(Source s) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE sources SET id = ?, url = ?, title = ?, site_url = ?, interval_seconds = ?,"
                + " etag = ?, last_modified = ?, status = ?, last_attempt_ms = ?,"
                + " last_success_ms = ?, last_http_status = ?, consecutive_errors = ?,"
                + " last_error = ?, next_poll_ms = ?, hub_url = ?, created_ms = ?,"
                + " lease_until_ms = NULL WHERE id = ?")) {
      bind(ps, s);
      ps.setString(17, s.id());
      ps.executeUpdate();
    }
  }

  boolean delete(String id) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM sources WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    }
  }

  List<Source> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM sources ORDER BY created_ms, id", List.of());
  }

  Optional<Source> byId(String id) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM sources WHERE id = ?", List.of(id)).stream()
        .findFirst();
  }

  private Optional<Source> byUrl(String url) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM sources WHERE url = ?", List.of(url)).stream()
        .findFirst();
  }

  /**
   * One statement, so one transaction: the due sources no one else holds are leased to the claimant
   * and answered, soonest first.
   */
  List<Source> claimDue(DueQuery q) throws SQLException {
    long now = q.now().toEpochMilli();
    List<Object> params = new ArrayList<>();
    params.add(q.claimant());
    params.add(q.leaseUntil().toEpochMilli());
    params.add(now);
    params.add(now);
    params.add(q.claimant());
    String exclude = "";
    if (!q.excludeIds().isEmpty()) {
      exclude =
          " AND id NOT IN ("
              + String.join(", ", Collections.nCopies(q.excludeIds().size(), "?"))
              + ")";
      params.addAll(q.excludeIds());
    }
    params.add(q.limit());
    List<Source> claimed =
        query(
            "UPDATE sources SET polled_by = ?, lease_until_ms = ? WHERE id IN (SELECT id FROM"
                + " sources WHERE next_poll_ms <= ? AND status <> 'dead' AND (lease_until_ms IS"
                + " NULL OR lease_until_ms < ? OR polled_by = ?)"
                + exclude
                + " ORDER BY next_poll_ms LIMIT ?) RETURNING "
                + COLUMNS,
            params);
    claimed.sort(Comparator.comparing(Source::nextPoll).thenComparing(Source::id));
    return claimed;
  }

  private List<Source> query(String sql, List<Object> params) throws SQLException {
    List<Source> sources = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) sources.add(read(rs));
      }
    }
    return sources;
  }

  private static void bind(PreparedStatement ps, Source s) throws SQLException {
    ps.setString(1, s.id());
    ps.setString(2, s.url());
    ps.setString(3, s.title());
    ps.setString(4, s.siteUrl());
    ps.setInt(5, s.intervalSeconds());
    ps.setString(6, s.etag());
    ps.setString(7, s.lastModified());
    ps.setString(8, s.status());
    setMillis(ps, 9, s.lastAttempt());
    setMillis(ps, 10, s.lastSuccess());
    if (s.lastHttpStatus() == null) ps.setNull(11, Types.INTEGER);
    else ps.setInt(11, s.lastHttpStatus());
    ps.setInt(12, s.consecutiveErrors());
    ps.setString(13, s.lastError());
    ps.setLong(14, s.nextPoll().toEpochMilli());
    ps.setString(15, s.hubUrl());
    ps.setLong(16, s.created().toEpochMilli());
  }

  private static void setMillis(PreparedStatement ps, int index, Instant when) throws SQLException {
    if (when == null) ps.setNull(index, Types.INTEGER);
    else ps.setLong(index, when.toEpochMilli());
  }

  private static Source read(ResultSet rs) throws SQLException {
    int status = rs.getInt("last_http_status");
    Integer lastStatus = rs.wasNull() ? null : status;
    return new Source(
        rs.getString("id"),
        rs.getString("url"),
        rs.getString("title"),
        rs.getString("site_url"),
        rs.getInt("interval_seconds"),
        rs.getString("etag"),
        rs.getString("last_modified"),
        rs.getString("status"),
        instant(rs, "last_attempt_ms"),
        instant(rs, "last_success_ms"),
        lastStatus,
        rs.getInt("consecutive_errors"),
        rs.getString("last_error"),
        Instant.ofEpochMilli(rs.getLong("next_poll_ms")),
        rs.getString("hub_url"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        rs.getString("polled_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }
}
