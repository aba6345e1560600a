package dev.tributary.store.postgres;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test, created on the server that {@code
 * TRIBUTARY_TEST_PG_URI} names (e.g. postgresql://postgres@127.0.0.1:5432/postgres) and dropped by
 * {@link #close}. Without that variable the PostgreSQL tests are skipped, with a line saying so.
 */
public record PostgresTestDatabase(String uri, String name, String adminUri)
    implements AutoCloseable {
  public static final String ENV = "TRIBUTARY_TEST_PG_URI";
  static final String SKIPPED =
      ENV
          + " is not set: PostgreSQL tests skipped (e.g. "
          + ENV
          + "=postgresql://postgres@127.0.0.1:5432/postgres)";
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  /** Skips the calling test (and says so, once per run) when no server is configured. */
  public static String assumeServer() {
    String admin = System.getenv(ENV);
    if (admin == null || admin.isBlank()) {
      if (TOLD.compareAndSet(false, true)) System.err.println("[tributary] " + SKIPPED);
      Assumptions.assumeTrue(false, SKIPPED);
    }
    return admin;
  }

  /** Creates an empty database; skips the test when no server is configured. */
  public static PostgresTestDatabase create() {
    String admin = assumeServer();
    String name = "tributary_test_" + UUID.randomUUID().toString().replace("-", "");
    onServer(admin, "CREATE DATABASE " + name);
    return new PostgresTestDatabase(withDatabase(admin, name), name, admin);
  }

  /** Runs one statement on the server's admin database. */
  public static void onServer(String adminUri, String sql) {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool =
          PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(adminUri)).using(vertx).build();
      pool.query(sql).execute().await();
    } finally {
      vertx.close().await();
    }
  }

  /** Runs statements in this database (a trigger for a test, say). */
  public void execute(String sql) {
    onServer(uri, sql);
  }

  /** The same server URI naming another database. */
  public static String withDatabase(String uri, String database) {
    try {
      URI u = new URI(uri);
      return new URI(
              u.getScheme(),
              u.getUserInfo(),
              u.getHost(),
              u.getPort(),
              "/" + database,
              u.getQuery(),
              null)
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(ENV + " is not a URI: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    onServer(adminUri, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
