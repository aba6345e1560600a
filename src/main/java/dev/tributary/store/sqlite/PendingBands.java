package dev.tributary.store.sqlite;

import com.carrotsearch.hppc.LongIntHashMap;
import dev.tributary.stories.StoryGrouping;
import java.util.Arrays;

/**
 * Band rows not yet in {@code story_bands}: the writer keeps the newest articles' band keys in
 * memory and writes them all at once every {@link #FLUSH_ARTICLES} articles, sorted by key, so that
 * each page of the band index is written once per flush rather than once per key (each key lands at
 * a random place of the index; written with its article, every article dirtied a few dozen pages,
 * and each commit wrote and synced them all: bench/README.md, "Stories"). Look-ups see these rows
 * as they see stored ones. The store's watermark ({@code story_state.bands_through_seq}) says up to
 * where the rows are written; after a crash the writer computes the missing ones again at open.
 *
 * <p>Rows of the transaction under way are staged, and become pending only when it commits.
 *
 * <p>Every article adds a few dozen rows and looks up as many keys, on the writer's thread, so the
 * rows are kept without an object each: parallel arrays in arrival order, each row linked to the
 * previous row of its key, and a primitive map from each key to its newest row. A bucket is read by
 * following its links from the newest; the staged rows are the newest of their keys, so a rollback
 * unlinks them from the end.
 */
final class PendingBands {
  /** Articles whose rows wait before they are written. */
  static final int FLUSH_ARTICLES = 4096;

  private static final int NONE = -1;

  /** The rows in arrival order: key, article, and the index of the key's previous row (or NONE). */
  private long[] rowKey = new long[1024];

  private long[] rowSeq = new long[1024];
  private int[] previous = new int[1024];
  private int rows;

  /** Rows below this index are committed (pending); the rest are staged. */
  private int committedRows;

  /** Each key's newest row. */
  private final LongIntHashMap newest = new LongIntHashMap();

  private int articles;
  private int stagedArticles;
  private long stagedThroughSeq;
  private long throughSeq;

  /** Every pending row, sorted by key then article: what a flush writes. */
  record Sorted(long[] keys, long[] seqs) {
    int size() {
      return keys.length;
    }
  }

  /** Adds an article's rows to the transaction under way (seen by look-ups at once). */
  void stage(long seq, long[] keys) {
    if (keys.length == 0) return;
    if (rows + keys.length > rowKey.length) grow(rows + keys.length);
    for (long key : keys) {
      rowKey[rows] = key;
      rowSeq[rows] = seq;
      previous[rows] = newest.getOrDefault(key, NONE);
      newest.put(key, rows);
      rows++;
    }
    stagedArticles++;
    stagedThroughSeq = Math.max(stagedThroughSeq, seq);
  }

  private void grow(int needed) {
    int capacity = Math.max(needed, rowKey.length * 2);
    rowKey = Arrays.copyOf(rowKey, capacity);
    rowSeq = Arrays.copyOf(rowSeq, capacity);
    previous = Arrays.copyOf(previous, capacity);
  }

  /** The transaction committed: its rows are pending. */
  void commit() {
    committedRows = rows;
    articles += stagedArticles;
    throughSeq = Math.max(throughSeq, stagedThroughSeq);
    stagedArticles = 0;
    stagedThroughSeq = 0;
  }

  /** The transaction rolled back: its rows go. */
  void discard() {
    for (int row = rows - 1; row >= committedRows; row--) {
      if (previous[row] == NONE) newest.remove(rowKey[row]);
      else newest.put(rowKey[row], previous[row]);
    }
    rows = committedRows;
    stagedArticles = 0;
    stagedThroughSeq = 0;
  }

  /**
   * Writes the pending and staged articles in this bucket (its newest, capped as a look-up in the
   * table is) into {@code into} from {@code at}; answers where the next goes.
   */
  int hits(long key, long[] into, int at) {
    int row = newest.getOrDefault(key, NONE);
    for (int n = 0; row != NONE && n < StoryGrouping.BUCKET_LIMIT; n++) {
      into[at++] = rowSeq[row];
      row = previous[row];
    }
    return at;
  }

  boolean isDue() {
    return articles >= FLUSH_ARTICLES;
  }

  boolean isEmpty() {
    return articles == 0;
  }

  /** The highest sequence number among the pending rows (0 when none). */
  long throughSeq() {
    return throughSeq;
  }

  /** Every pending row, sorted by key then article (the order the index keeps them in). */
  Sorted sortedRows() {
    long[] distinct = new long[newest.size()];
    int d = 0;
    for (var cursor : newest) distinct[d++] = cursor.key;
    Arrays.sort(distinct);
    long[] keys = new long[committedRows];
    long[] seqs = new long[committedRows];
    int n = 0;
    for (long key : distinct) {
      int from = n;
      for (int row = newest.get(key); row != NONE; row = previous[row]) {
        if (row >= committedRows) continue; // staged: not the flush's
        keys[n] = key;
        seqs[n++] = rowSeq[row];
      }
      Arrays.sort(seqs, from, n);
    }
    return new Sorted(keys, seqs);
  }

  /** After a flush (or when the stories are forgotten): nothing pending. */
  void clear() {
    newest.clear();
    rows = 0;
    committedRows = 0;
    articles = 0;
    stagedArticles = 0;
    stagedThroughSeq = 0;
    throughSeq = 0;
  }
}
