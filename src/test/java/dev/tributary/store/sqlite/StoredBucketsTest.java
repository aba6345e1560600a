package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.stories.StoryGrouping;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The writer's copies of band buckets answer as the table would, through the band flush. */
class StoredBucketsTest {
  private final StoredBuckets buckets = new StoredBuckets();

  @Test
  void aKeptBucketTakesTheFlushedRowsNewestFirst() {
    buckets.put(1, new long[] {5, 3});
    buckets.put(2, new long[0]);
    buckets.added(rows(new long[] {1, 1, 2, 3}, new long[] {7, 9, 8, 6}));
    assertArrayEquals(new long[] {9, 7, 5, 3}, buckets.get(1));
    assertArrayEquals(new long[] {8}, buckets.get(2), "an empty bucket kept is kept filled");
    assertNull(buckets.get(3), "a bucket never read is not kept: the table answers it");
  }

  @Test
  void aCrowdedBucketKeepsItsNewestUpToTheLimitAndARowOnce() {
    int limit = StoryGrouping.BUCKET_LIMIT;
    buckets.put(1, LongStream.rangeClosed(1, limit).map(i -> limit + 1 - i).toArray());
    // the first row is in the table already: the insert ignored it
    buckets.added(
        rows(new long[] {1, 1, 1, 1}, LongStream.rangeClosed(limit, limit + 3).toArray()));

    long[] kept = buckets.get(1);
    assertEquals(limit, kept.length);
    assertArrayEquals(LongStream.rangeClosed(4, limit + 3).map(i -> limit + 7 - i).toArray(), kept);
  }

  @Test
  void keysAskedForStayWhileTheUnaskedGoPastTheBound() {
    long half = StoredBuckets.MAX_KEYS / 2;
    for (long key = 0; key < half; key++) buckets.put(key, new long[] {key});
    assertArrayEquals(new long[] {0}, buckets.get(0));
    for (long key = half; key < 2 * half; key++) buckets.put(key, new long[] {key});
    assertArrayEquals(new long[] {0}, buckets.get(0), "asked for again: moved to the young keys");
    for (long key = 2 * half; key < 3 * half; key++) buckets.put(key, new long[] {key});

    assertTrue(buckets.size() <= StoredBuckets.MAX_KEYS, "bounded: " + buckets.size());
    assertArrayEquals(new long[] {0}, buckets.get(0), "the key in use is kept");
    assertNull(buckets.get(1), "a key not asked for since two generations went");
    assertArrayEquals(new long[] {3 * half - 1}, buckets.get(3 * half - 1));
    buckets.clear();
    assertNull(buckets.get(0));
    assertEquals(0, buckets.size());
  }

  @Test
  void theFlushReachesABucketKeptInEitherGeneration() {
    buckets.put(1, new long[] {1});
    for (long key = 100; key < 100 + StoredBuckets.MAX_KEYS / 2; key++) {
      buckets.put(key, new long[0]); // key 1 is now in the old generation
    }
    buckets.added(rows(new long[] {1}, new long[] {2}));
    assertArrayEquals(new long[] {2, 1}, buckets.get(1));
  }

  private static PendingBands.Sorted rows(long[] keys, long[] seqs) {
    return new PendingBands.Sorted(keys, seqs);
  }
}
