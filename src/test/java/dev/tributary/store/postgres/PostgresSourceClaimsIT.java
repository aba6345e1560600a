package dev.tributary.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.store.SourceClaimsContract;
import dev.tributary.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The polling split on PostgreSQL, where instances really do claim at the same moment: the contract
 * on a fresh database per test, and claims racing from two pools (two instances) at once.
 */
class PostgresSourceClaimsIT extends SourceClaimsContract {
  private static final Instant DUE = Instant.parse("2026-03-01T12:00:00Z");
  private FreshPostgres postgres;

  @Override
  protected Store open() {
    postgres = new FreshPostgres();
    return postgres.store();
  }

  @Override
  protected void dropDatabase() {
    if (postgres != null) postgres.close();
  }

  @Test
  void twoInstancesClaimingAtTheSameMomentNeverGetTheSameSource() throws Exception {
    subscribe(60, DUE);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Store a = postgres.store();
        Store b = postgres.store()) {
      CountDownLatch start = new CountDownLatch(1);
      Future<List<String>> byA = threads.submit(claimsOf(a, "a", start));
      Future<List<String>> byB = threads.submit(claimsOf(b, "b", start));
      start.countDown();
      List<String> claimedByA = byA.get();
      List<String> claimedByB = byB.get();
      Set<String> all = new HashSet<>(claimedByA);
      for (String id : claimedByB) assertTrue(all.add(id), "claimed by both: " + id);
      assertEquals(60, all.size(), "every due source went to one of them");
      for (Source s : store.sources().items()) {
        String expected = claimedByA.contains(s.id()) ? "a" : "b";
        assertEquals(expected, s.polledBy(), s.id());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Claims five at a time from the start signal on, as fast as it can, until none is left. */
  private static Callable<List<String>> claimsOf(Store store, String name, CountDownLatch start) {
    return () -> {
      List<String> claimed = new ArrayList<>();
      start.await();
      List<Source> got;
      do {
        got =
            store.claimDueSources(new DueQuery(DUE, claimed, 5, name, DUE.plusSeconds(90))).items();
        got.forEach(s -> claimed.add(s.id()));
      } while (!got.isEmpty());
      return claimed;
    };
  }
}
