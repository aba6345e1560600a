package dev.tributary.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned SQL scripts ({@code db/<dialect>/V<n>__<what>.sql}) in order, each once, each
 * in its own transaction, recording them in {@code schema_version}. Statements in a script are
 * separated by a blank line, so trigger bodies may contain semicolons.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final String dialect;
  private final List<String> scripts;

  public Migrations(String dialect, List<String> scripts) {
    this.dialect = dialect;
    this.scripts = List.copyOf(scripts);
  }

  /** Brings the schema up to date; returns the version it is at. */
  public int migrate(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied TEXT NOT NULL)");
    }
    int current = currentVersion(connection);
    for (int i = current; i < scripts.size(); i++) apply(connection, i + 1, scripts.get(i));
    return scripts.size();
  }

  private int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rs.next();
      int version = rs.getInt(1);
      if (version > scripts.size()) {
        throw new SQLException(
            "the database is at schema version "
                + version
                + ", newer than this Tributary knows ("
                + scripts.size()
                + "); upgrade Tributary");
      }
      return version;
    }
  }

  private void apply(Connection connection, int version, String script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      for (String sql : statements(read(script))) st.execute(sql);
      try (PreparedStatement ps =
          connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, script);
        ps.setString(3, Instant.now().toString());
        ps.executeUpdate();
      }
      connection.commit();
      LOG.info("Applied migration {} ({})", version, script);
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private String read(String script) {
    String path = "db/" + dialect + "/" + script;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + " missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  static List<String> statements(String script) {
    String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
    return java.util.Arrays.stream(withoutComments.split(";\\s*\\n\\s*\\n"))
        .map(String::trim)
        .map(s -> s.endsWith(";") && !s.endsWith("END;") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
