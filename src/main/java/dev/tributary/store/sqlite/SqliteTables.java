package dev.tributary.store.sqlite;

import dev.tributary.store.StoreException;
import dev.tributary.store.postgres.PostgresImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A SQLite store read table by table, for copying it elsewhere ({@code tributary migrate}): opened
 * (and migrated to this version's schema) by {@link SqliteStore#open}, then read through a {@code
 * query_only} connection in one read transaction, so counts and rows are of one moment.
 */
public final class SqliteTables implements PostgresImport.Rows, AutoCloseable {
  private final Connection connection;

  private SqliteTables(Connection connection) {
    this.connection = connection;
  }

  /** The store in {@code dataDir} (holding {@code tributary.db}), which must exist. */
  public static SqliteTables open(Path dataDir) {
    Path file = dataDir.resolve("tributary.db");
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no SQLite store at " + file, null);
    }
    SqliteStore.open(dataDir).close(); // brings an older file up to this version's schema
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA query_only = 1");
        st.execute("BEGIN");
      }
      return new SqliteTables(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long count(PostgresImport.Table table) {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count " + table.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void read(PostgresImport.Table table, int batchSize, Consumer<List<Object[]>> batch) {
    String sql =
        "SELECT "
            + String.join(", ", table.columns())
            + " FROM "
            + table.name()
            + " ORDER BY "
            + table.key();
    int width = table.columns().size();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<Object[]> rows = new ArrayList<>(batchSize);
      while (rs.next()) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) row[i] = rs.getObject(i + 1);
        rows.add(row);
        if (rows.size() == batchSize) {
          batch.accept(rows);
          rows = new ArrayList<>(batchSize);
        }
      }
      if (!rows.isEmpty()) batch.accept(rows);
    } catch (SQLException e) {
      throw new StoreException("cannot read " + table.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the SQLite store: " + e.getMessage(), e);
    }
  }
}
