package dev.tributary.store.postgres;

import dev.tributary.store.StoreException;
import dev.tributary.store.StoreFullException;
import io.vertx.pgclient.PgException;

/**
 * Turns the client's failures into the store's: a full disk becomes a {@link StoreFullException}
 * (retry later), anything else a {@link StoreException}. PostgreSQL names a full disk with SQLSTATE
 * 53100 ({@code disk_full}); the server keeps running and takes writes again once there is room.
 */
final class PostgresFailures {
  static final String DISK_FULL = "53100";
  static final String FULL = "the database server's disk is full; try again later";

  private PostgresFailures() {}

  /** The store's exception for a failure while doing {@code what}. */
  static StoreException of(String what, Throwable e) {
    if (e instanceof StoreException se) return se;
    if (isDiskFull(e)) return new StoreFullException(what + ": " + FULL, e);
    return new StoreException(what + ": " + message(e), e);
  }

  static boolean isDiskFull(Throwable e) {
    return e instanceof PgException pg && DISK_FULL.equals(pg.getSqlState());
  }

  /**
   * Whether the failure is the article's own — its data refused (class 22: data exception, 23: a
   * constraint, 54: a program limit such as an oversized search vector, P0: a trigger's RAISE) — so
   * that the batch goes on without it. Anything else (a lost connection, a full disk, a
   * serialization failure) fails the whole batch.
   */
  static boolean isArticlesOwn(Throwable e) {
    if (!(e instanceof PgException pg) || pg.getSqlState() == null) return false;
    String sqlClass = pg.getSqlState().substring(0, 2);
    return sqlClass.equals("22")
        || sqlClass.equals("23")
        || sqlClass.equals("54")
        || sqlClass.equals("P0");
  }

  static String message(Throwable e) {
    return e instanceof PgException pg ? pg.getErrorMessage() : String.valueOf(e.getMessage());
  }
}
