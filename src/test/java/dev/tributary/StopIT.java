package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.sqlite.SqliteStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a running Tributary as {@code Main}'s shutdown hook does. */
class StopIT {
  @TempDir Path dataDir;

  /**
   * The article's counts wait in the tagger for its periodic save (every second) when the stop
   * comes: only the tagger's last save, which needs the store still deployed, keeps them. With
   * every verticle undeployed at once ({@code Vertx.close} alone) the store is gone and the next
   * start has to count the article again.
   */
  @Test
  void theTaggersLastSaveOfTheCorpusCountsReachesTheStoreBeforeItStops() throws Exception {
    Vertx vertx = TestServer.newVertx();
    try {
      TestServer server = TestServer.start(vertx, dataDir);
      var posted =
          server.post(
              "/api/articles",
              "text/plain",
              "Ketamine clinic\n\nA ketamine clinic opens in the city centre for depression.",
              server.token);
      assertEquals(201, posted.statusCode(), posted.body());

      server.running.stop(vertx).await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }

    try (SqliteStore store = SqliteStore.open(dataDir)) {
      List<StoredArticle> stored = store.storedAfter(new ReplayQuery(0, List.of(), 10)).items();
      CorpusPage state = store.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 1));
      assertEquals(1, stored.size());
      assertEquals(1, state.documents(), "the article's counts saved");
      assertEquals(stored.get(0).seq(), state.countedThrough(), "the watermark");
    }
  }
}
