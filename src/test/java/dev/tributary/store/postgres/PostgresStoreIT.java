package dev.tributary.store.postgres;

import dev.tributary.store.Store;
import dev.tributary.store.StoreContract;

/**
 * The store contract on PostgreSQL: a fresh database for each test, created and dropped on the
 * server {@code TRIBUTARY_TEST_PG_URI} names; skipped without it.
 */
class PostgresStoreIT extends StoreContract {
  private FreshPostgres postgres;

  @Override
  protected Store open() {
    postgres = new FreshPostgres();
    return postgres.store();
  }

  @Override
  protected Store reopen() {
    store.close();
    return postgres.store();
  }

  @Override
  protected void dropDatabase() {
    if (postgres != null) postgres.close();
  }

  @Override
  protected void refuseTitlesContaining(String word) {
    postgres.database.execute(
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
