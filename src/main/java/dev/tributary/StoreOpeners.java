package dev.tributary;

import dev.tributary.config.ConfigException;
import dev.tributary.config.TributaryConfig;
import dev.tributary.sources.RedactedUrl;
import dev.tributary.store.Store;
import dev.tributary.store.postgres.PostgresDatabase;
import dev.tributary.store.postgres.PostgresStore;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.StoryRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * How the store verticles open their stores, by {@code store.kind}: the SQLite file under {@code
 * data.dir}, or the PostgreSQL database at {@code store.postgres.uri} — reached and migrated here,
 * before anything is deployed, so that a database that cannot be used stops start-up with one line
 * naming the key.
 */
record StoreOpeners(Supplier<Store> writer, Supplier<Store> reader) {

  static Future<StoreOpeners> of(Vertx vertx, TributaryConfig config) {
    StoryRules stories = storyRules(config);
    if (!config.storeKind().equals("postgres")) {
      return Future.succeededFuture(
          new StoreOpeners(
              () -> SqliteStore.open(config.dataDir(), stories),
              () -> SqliteStore.openReader(config.dataDir())));
    }
    String uri = config.postgresUri();
    return vertx
        .executeBlocking(() -> postgres(vertx, uri, config.postgresPoolSize()))
        .map(
            db ->
                new StoreOpeners(() -> PostgresStore.on(db, stories), () -> PostgresStore.on(db)));
  }

  /** {@code stories.*}: how the writer groups new articles into stories. */
  static StoryRules storyRules(TributaryConfig config) {
    return new StoryRules(config.stories().enabled(), config.stories().threshold());
  }

  /** Connects and migrates (blocking); the pool lives as long as the Vert.x instance. */
  private static PostgresDatabase postgres(Vertx vertx, String uri, int poolSize) {
    PostgresDatabase db;
    try {
      db = PostgresDatabase.connect(vertx, uri, poolSize);
    } catch (IllegalArgumentException e) {
      throw ConfigException.forKey(
          "store.postgres.uri", "not a PostgreSQL URI (" + RedactedUrl.of(uri) + ")");
    }
    try {
      db.migrate();
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw ConfigException.forKey(
          "store.postgres.uri",
          "cannot use the database at " + RedactedUrl.of(uri) + ": " + e.getMessage());
    }
  }
}
