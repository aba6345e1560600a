package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.stories.StoryGrouping;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Band rows kept in memory answer look-ups as the table would, and roll back with the batch. */
class PendingBandsTest {
  private final PendingBands pending = new PendingBands();

  private long[] hits(long key) {
    long[] into = new long[StoryGrouping.BUCKET_LIMIT];
    return Arrays.copyOf(into, pending.hits(key, into, 0));
  }

  @Test
  void aBucketListsItsArticlesNewestFirstUpToTheLimit() {
    int limit = StoryGrouping.BUCKET_LIMIT;
    for (long seq = 1; seq <= limit + 5; seq++) pending.stage(seq, new long[] {7, 100 + seq});
    pending.commit();
    long[] sevens = hits(7);
    assertEquals(limit, sevens.length);
    assertEquals(limit + 5, sevens[0]);
    assertEquals(6, sevens[limit - 1]);
    assertArrayEquals(new long[] {3}, hits(103));
    assertArrayEquals(new long[0], hits(8));
  }

  @Test
  void stagedRowsAreSeenAtOnceAndGoWithARollback() {
    pending.stage(1, new long[] {5, 6});
    pending.commit();
    pending.stage(2, new long[] {5, 9});
    assertArrayEquals(new long[] {2, 1}, hits(5), "the batch under way sees its own rows");
    pending.discard();
    assertArrayEquals(new long[] {1}, hits(5));
    assertArrayEquals(new long[0], hits(9));
    assertEquals(1, pending.throughSeq());

    pending.stage(3, new long[] {9});
    pending.commit();
    assertArrayEquals(new long[] {3}, hits(9));
    assertEquals(3, pending.throughSeq());
  }

  @Test
  void theFlushTakesTheCommittedRowsSortedByKeyThenArticle() {
    pending.stage(4, new long[] {30, -2});
    pending.stage(5, new long[] {30, 10});
    pending.commit();
    pending.stage(6, new long[] {30}); // staged: not written by a flush now
    PendingBands.Sorted rows = pending.sortedRows();
    assertArrayEquals(new long[] {-2, 10, 30, 30}, rows.keys());
    assertArrayEquals(new long[] {4, 5, 4, 5}, rows.seqs());
  }

  @Test
  void dueAfterTheFlushSizeAndEmptyAfterClear() {
    for (long seq = 1; seq <= PendingBands.FLUSH_ARTICLES; seq++) {
      pending.stage(seq, new long[] {seq});
      assertFalse(pending.isDue(), "staged articles are not due");
      pending.commit();
    }
    assertTrue(pending.isDue());
    pending.clear();
    assertTrue(pending.isEmpty());
    assertArrayEquals(new long[0], hits(1));
    assertEquals(0, pending.sortedRows().size());
  }
}
