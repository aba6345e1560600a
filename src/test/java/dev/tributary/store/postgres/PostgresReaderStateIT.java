package dev.tributary.store.postgres;

import dev.tributary.store.ReaderStateContract;
import dev.tributary.store.Store;

/**
 * The reader state contract on PostgreSQL: a fresh database for each test on the server {@code
 * TRIBUTARY_TEST_PG_URI} names; skipped without it.
 */
class PostgresReaderStateIT extends ReaderStateContract {
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
}
