package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.store.postgres.PostgresDatabase;
import dev.tributary.store.postgres.PostgresStore;
import dev.tributary.store.postgres.PostgresTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary ingest} and {@code retag} on the configured store, here PostgreSQL. */
class PostgresCommandsIT {
  @TempDir Path dir;
  PostgresTestDatabase database;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  PrintStream originalOut;

  @BeforeEach
  void create() {
    // Kept first: when there is no PostgreSQL the next line aborts the test, and drop() must
    // still put the real System.out back (it set null there, failing later tests' printing).
    originalOut = System.out;
    database = PostgresTestDatabase.create();
    System.setOut(new PrintStream(out, true));
  }

  @AfterEach
  void drop() {
    System.setOut(originalOut);
    if (database != null) database.close();
  }

  @Test
  void ingestAndRetagWorkOnTheDatabaseStoreKindNames() throws Exception {
    Path conf = dir.resolve("conf.json");
    Files.writeString(
        conf,
        new JsonObject()
            .put(
                "store",
                new JsonObject()
                    .put("kind", "postgres")
                    .put("postgres", new JsonObject().put("uri", database.uri())))
            .put("data", new JsonObject().put("dir", dir.toString()))
            .encode());

    assertEquals(0, Main.run("ingest", "samples/articles", "--conf", conf.toString()));
    assertTrue(out.toString().contains("ingested 5, duplicates 0, failed 0"), out.toString());
    assertEquals(0, Main.run("retag", "--conf", conf.toString()));
    assertTrue(Files.notExists(dir.resolve("tributary.db")), "no SQLite file was made");

    Vertx vertx = Vertx.vertx();
    try (PostgresStore pg =
        PostgresStore.owning(PostgresDatabase.connect(vertx, database.uri(), 1))) {
      assertEquals(5, pg.count());
    } finally {
      vertx.close().await();
    }
  }
}
