package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.stories.StoryGrouping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The writer's copies of band buckets answer as the table would, through the band flush. */
class StoredBucketsTest {
  private final StoredBuckets buckets = new StoredBuckets();

  @Test
  void aKeptBucketTakesTheFlushedRowsNewestFirst() {
    buckets.put(1, new long[] {5, 3});
    buckets.put(2, new long[0]);
    buckets.added(
        List.of(
            new PendingBands.Row(1, 7),
            new PendingBands.Row(1, 9),
            new PendingBands.Row(2, 8),
            new PendingBands.Row(3, 6)));
    assertArrayEquals(new long[] {9, 7, 5, 3}, buckets.get(1));
    assertArrayEquals(new long[] {8}, buckets.get(2), "an empty bucket kept is kept filled");
    assertNull(buckets.get(3), "a bucket never read is not kept: the table answers it");
  }

  @Test
  void aCrowdedBucketKeepsItsNewestUpToTheLimitAndARowOnce() {
    int limit = StoryGrouping.BUCKET_LIMIT;
    buckets.put(1, LongStream.rangeClosed(1, limit).map(i -> limit + 1 - i).toArray());
    List<PendingBands.Row> rows = new ArrayList<>();
    rows.add(new PendingBands.Row(1, limit)); // in the table already: the insert ignored it
    for (long seq = limit + 1; seq <= limit + 3; seq++) rows.add(new PendingBands.Row(1, seq));
    buckets.added(rows);

    long[] kept = buckets.get(1);
    assertEquals(limit, kept.length);
    assertArrayEquals(LongStream.rangeClosed(4, limit + 3).map(i -> limit + 7 - i).toArray(), kept);
  }

  @Test
  void theLeastRecentlyUsedKeyGoesPastTheBound() {
    for (long key = 0; key < StoredBuckets.MAX_KEYS; key++) buckets.put(key, new long[] {key});
    buckets.get(0); // used: the eldest is now key 1
    buckets.put(-1, new long[0]);
    assertEquals(StoredBuckets.MAX_KEYS, buckets.size());
    assertArrayEquals(new long[] {0}, buckets.get(0));
    assertNull(buckets.get(1));
    buckets.clear();
    assertNull(buckets.get(0));
  }
}
