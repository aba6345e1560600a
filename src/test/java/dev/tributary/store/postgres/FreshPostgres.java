package dev.tributary.store.postgres;

import dev.tributary.stories.StoryRules;
import io.vertx.core.Vertx;

/**
 * A fresh database for one test and the Vert.x its stores' pools run on; each {@link #store} is one
 * instance's store on it. Skips the test when no server is configured.
 */
final class FreshPostgres implements AutoCloseable {
  final PostgresTestDatabase database = PostgresTestDatabase.create();
  private final Vertx vertx = Vertx.vertx();

  /** A store with a pool of its own, as another instance would have. */
  PostgresStore store() {
    return store(StoryRules.DEFAULT);
  }

  /** {@link #store()}, grouping new articles into stories by these rules. */
  PostgresStore store(StoryRules rules) {
    return PostgresStore.owning(PostgresDatabase.connect(vertx, database.uri(), 2), rules);
  }

  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      database.close();
    }
  }
}
