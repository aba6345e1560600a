package dev.tributary.store.postgres;

import dev.tributary.store.Store;
import dev.tributary.store.StoriesContract;
import dev.tributary.stories.StoryRules;

/**
 * The stories contract on PostgreSQL: a fresh database for each test on the server {@code
 * TRIBUTARY_TEST_PG_URI} names; skipped without it.
 */
class PostgresStoriesIT extends StoriesContract {
  private FreshPostgres postgres;

  @Override
  protected Store open() {
    postgres = new FreshPostgres();
    return postgres.store();
  }

  @Override
  protected Store reopenWith(StoryRules rules) {
    store.close();
    return postgres.store(rules);
  }

  @Override
  protected void dropDatabase() {
    if (postgres != null) postgres.close();
  }
}
