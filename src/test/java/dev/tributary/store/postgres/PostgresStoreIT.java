package dev.tributary.store.postgres;

import dev.tributary.store.Store;
import dev.tributary.store.StoreContract;
import io.vertx.core.Vertx;

/**
 * The store contract on PostgreSQL: a fresh database for each test, created and dropped on the
 * server {@code TRIBUTARY_TEST_PG_URI} names; skipped without it.
 */
class PostgresStoreIT extends StoreContract {
  private PostgresTestDatabase database;
  private Vertx vertx;

  @Override
  protected Store open() {
    database = PostgresTestDatabase.create();
    vertx = Vertx.vertx();
    return PostgresStore.owning(PostgresDatabase.connect(vertx, database.uri(), 2));
  }

  @Override
  protected Store reopen() {
    store.close();
    return PostgresStore.owning(PostgresDatabase.connect(vertx, database.uri(), 2));
  }

  @Override
  protected void dropDatabase() {
    if (vertx != null) vertx.close().await();
    if (database != null) database.close();
  }

  @Override
  protected void refuseTitlesContaining(String word) {
    database.execute(
        "CREATE FUNCTION refuse_"
            + word
            + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF strpos(NEW.title, '"
            + word
            + "') > 0 THEN RAISE EXCEPTION 'refused by the test: "
            + word
            + "'; END IF; RETURN NEW; END $$;"
            + " CREATE TRIGGER refuse_"
            + word
            + " BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_"
            + word
            + "()");
  }
}
