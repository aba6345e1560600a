package dev.tributary.store.postgres;

import dev.tributary.store.Migrations;
import dev.tributary.store.StoreException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One PostgreSQL database as the store sees it: the reactive connection pool of this instance
 * (shared by the writer and every reader) and a blocking bridge to it.
 *
 * <p>The {@link dev.tributary.store.Store} interface is blocking and called on worker threads; the
 * pool is asynchronous and runs on event loops. {@link #await} hands the work to an event-loop
 * context of its own and parks the calling worker until the answer is there. It must not start the
 * work on the caller's context: a worker context runs its tasks one after another, so the pool's
 * answer, queued behind the parked task, would never run. An event-loop thread is refused: it must
 * never wait.
 */
public final class PostgresDatabase implements AutoCloseable {
  /** The scripts under {@code db/postgres}, in order. */
  static final List<String> MIGRATIONS =
      List.of("V1__schema.sql", "V2__source_leases.sql", "V3__stories.sql", "V4__reader_state.sql");

  /** Session lock held while migrating, so two instances starting together migrate once. */
  private static final long MIGRATION_LOCK = 0x7472_6962_6d69_6772L;

  private final Pool pool;
  private final Context context;

  private PostgresDatabase(Pool pool, Context context) {
    this.pool = pool;
    this.context = context;
  }

  /**
   * A pool of at most {@code poolSize} connections to {@code uri} (postgresql://user@host:port/db).
   * Connects lazily: {@link #migrate} is the first use.
   */
  public static PostgresDatabase connect(Vertx vertx, String uri, int poolSize) {
    PgConnectOptions options = PgConnectOptions.fromUri(uri);
    // Notices (an existing table skipped, a search of stop words only) are not worth a warning
    // line each: the client logs every one it receives.
    options.addProperty("client_min_messages", "warning");
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(poolSize).setName("tributary-store"))
            .connectingTo(options)
            .using(vertx)
            .build();
    // Internal API, on purpose: a context that is not the caller's (see the class comment).
    Context context = ((VertxInternal) vertx).createEventLoopContext();
    return new PostgresDatabase(pool, context);
  }

  /** The pool, for work composed on the event loop (inside {@link #await}). */
  Pool pool() {
    return pool;
  }

  /**
   * Runs {@code work} on one connection in one transaction: committed when its future succeeds,
   * rolled back when it fails. Plain BEGIN / COMMIT rather than the client's transaction object,
   * which turns any failed statement into a rollback at commit: a batch undoes one article's
   * failure with a savepoint and commits the rest.
   */
  <T> Future<T> inTransaction(java.util.function.Function<SqlConnection, Future<T>> work) {
    return inBlock("BEGIN", work);
  }

  /**
   * Runs reads on one connection in one read-only, repeatable-read transaction: every statement
   * sees the same snapshot (a page's states and its articles, say).
   */
  <T> Future<T> inSnapshot(java.util.function.Function<SqlConnection, Future<T>> work) {
    return inBlock("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
  }

  private <T> Future<T> inBlock(
      String begin, java.util.function.Function<SqlConnection, Future<T>> work) {
    return pool.withConnection(
        connection ->
            connection
                .query(begin)
                .execute()
                .compose(x -> work.apply(connection))
                .compose(result -> connection.query("COMMIT").execute().map(result))
                .recover(
                    e ->
                        connection
                            .query("ROLLBACK")
                            .execute()
                            .transform(x -> Future.<T>failedFuture(e))));
  }

  /**
   * Runs {@code work} on this database's event-loop context and waits for its result; throws its
   * failure (unchecked, as the client raised it).
   */
  <T> T await(Supplier<Future<T>> work) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("the PostgreSQL store blocks: call it on a worker thread");
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            work.get().onComplete(done::complete, done::completeExceptionally);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new StoreException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for PostgreSQL", e);
    }
  }

  /**
   * Brings the schema up to date (blocking), under a session lock so that instances starting
   * together do not both migrate; answers the schema version.
   */
  public int migrate() {
    SqlConnection connection = await(pool::getConnection);
    try {
      await(() -> connection.query("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")").execute());
      try {
        return new Migrations("postgres", MIGRATIONS).migrate(new Target(connection));
      } finally {
        // The connection goes back to the pool, its session open: the lock must be let go.
        await(
            () -> connection.query("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")").execute());
      }
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      throw new StoreException(String.valueOf(e.getMessage()), e);
    } finally {
      await(connection::close);
    }
  }

  /** The migrations' target: statements on one connection, each script in one transaction. */
  private final class Target implements Migrations.Target {
    private final SqlConnection connection;

    Target(SqlConnection connection) {
      this.connection = connection;
    }

    @Override
    public int version() {
      return await(
          () ->
              connection
                  .query(Migrations.CREATE_VERSION_TABLE)
                  .execute()
                  .compose(
                      x ->
                          connection
                              .query("SELECT COALESCE(MAX(version), 0) FROM schema_version")
                              .execute())
                  .map(rows -> rows.iterator().next().getInteger(0)));
    }

    @Override
    public void apply(int version, String script, List<String> statements, String applied) {
      await(
          () ->
              connection
                  .begin()
                  .compose(
                      tx -> {
                        Future<?> step = Future.succeededFuture();
                        for (String sql : statements) {
                          step = step.compose(x -> connection.query(sql).execute());
                        }
                        return step.compose(
                                x ->
                                    connection
                                        .preparedQuery(
                                            "INSERT INTO schema_version VALUES ($1, $2, $3)")
                                        .execute(Tuple.of(version, script, applied)))
                            .compose(x -> tx.commit())
                            .recover(e -> tx.rollback().transform(r -> Future.failedFuture(e)));
                      }));
    }
  }

  @Override
  public void close() {
    await(pool::close);
  }
}
