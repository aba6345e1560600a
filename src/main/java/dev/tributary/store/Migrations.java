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
 * in its own transaction, recording them in {@code schema_version} under the number in the script's
 * name (the list must number them 1, 2, 3… in order: a gap or a misplaced script stops the store
 * from opening rather than record a version under another script's number). Statements in a script
 * are separated by a blank line, so trigger bodies may contain semicolons. The same runner serves
 * every store: each gives a {@link Target} that runs statements on its own kind of connection (JDBC
 * for SQLite, the reactive client for PostgreSQL).
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** The table that records applied scripts; the same on every store. */
  public static final String CREATE_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS schema_version"
          + " (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied TEXT NOT NULL)";

  /** Where the scripts run: one connection to one database. */
  public interface Target {
    /** Creates {@code schema_version} when missing; answers its highest version, 0 for none. */
    int version() throws Exception;

    /**
     * Runs the statements and records {@code version} (with the script's name and {@code applied},
     * an ISO instant) in {@code schema_version}, all in one transaction.
     */
    void apply(int version, String script, List<String> statements, String applied)
        throws Exception;
  }

  private final String dialect;
  private final List<String> scripts;

  public Migrations(String dialect, List<String> scripts) {
    this.dialect = dialect;
    this.scripts = List.copyOf(scripts);
    for (int i = 0; i < this.scripts.size(); i++) {
      int named = versionOf(this.scripts.get(i));
      if (named != i + 1) {
        throw new IllegalArgumentException(
            "migration "
                + this.scripts.get(i)
                + " is number "
                + (i + 1)
                + " in the list, but its name says "
                + named);
      }
    }
  }

  private static final java.util.regex.Pattern SCRIPT_NAME =
      java.util.regex.Pattern.compile("V(\\d+)__.+\\.sql");

  /** The number in a script's name: {@code V12__what.sql} is 12. */
  static int versionOf(String script) {
    var m = SCRIPT_NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalArgumentException(script + " is not named V<number>__<what>.sql");
    }
    return Integer.parseInt(m.group(1));
  }

  /** Brings the schema of a JDBC database up to date; returns the version it is at. */
  public int migrate(Connection connection) throws SQLException {
    try {
      return migrate(new JdbcTarget(connection));
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** Brings the schema up to date through {@code target}; returns the version it is at. */
  public int migrate(Target target) throws Exception {
    int current = target.version();
    if (current > scripts.size()) {
      throw new StoreException(
          "the database is at schema version "
              + current
              + ", newer than this Tributary knows ("
              + scripts.size()
              + "); upgrade Tributary",
          null);
    }
    for (int i = current; i < scripts.size(); i++) {
      String script = scripts.get(i);
      try {
        target.apply(versionOf(script), script, statements(read(script)), Instant.now().toString());
      } catch (Exception e) {
        throw new StoreException("migration " + script + " failed: " + e.getMessage(), e);
      }
      LOG.info("Applied migration {} ({})", versionOf(script), script);
    }
    return scripts.size();
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

  /** A JDBC connection as a target (SQLite). */
  private record JdbcTarget(Connection connection) implements Target {
    @Override
    public int version() throws SQLException {
      try (Statement st = connection.createStatement()) {
        st.execute(CREATE_VERSION_TABLE);
        try (ResultSet rs =
            st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
          rs.next();
          return rs.getInt(1);
        }
      }
    }

    @Override
    public void apply(int version, String script, List<String> statements, String applied)
        throws SQLException {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String sql : statements) st.execute(sql);
        try (PreparedStatement ps =
            connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
          ps.setInt(1, version);
          ps.setString(2, script);
          ps.setString(3, applied);
          ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
