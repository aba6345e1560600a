package dev.tributary.store.sqlite;

import dev.tributary.stories.StoryGrouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
final class PendingBands {
  /** Articles whose rows wait before they are written. */
  static final int FLUSH_ARTICLES = 4096;

  /** A row: a band key and the sequence number of the article in that bucket. */
  record Row(long bandKey, long seq) {}

  private final Map<Long, List<Long>> byKey = new HashMap<>();
  private final List<long[]> staged = new ArrayList<>();
  private int articles;
  private long throughSeq;

  /** Adds an article's rows to the transaction under way (seen by look-ups at once). */
  void stage(long seq, long[] keys) {
    if (keys.length == 0) return;
    long[] row = new long[keys.length + 1];
    row[0] = seq;
    System.arraycopy(keys, 0, row, 1, keys.length);
    staged.add(row);
    for (long key : keys) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(seq);
  }

  /** The transaction committed: its rows are pending. */
  void commit() {
    for (long[] row : staged) throughSeq = Math.max(throughSeq, row[0]);
    articles += staged.size();
    staged.clear();
  }

  /** The transaction rolled back: its rows go. */
  void discard() {
    for (long[] row : staged) {
      for (int i = 1; i < row.length; i++) {
        List<Long> seqs = byKey.get(row[i]);
        seqs.remove(Long.valueOf(row[0]));
        if (seqs.isEmpty()) byKey.remove(row[i]);
      }
    }
    staged.clear();
  }

  /**
   * Writes the pending and staged articles in this bucket (its newest, capped as a look-up in the
   * table is) into {@code into} from {@code at}; answers where the next goes.
   */
  int hits(long key, long[] into, int at) {
    List<Long> seqs = byKey.get(key);
    if (seqs == null) return at;
    int from = Math.max(0, seqs.size() - StoryGrouping.BUCKET_LIMIT);
    for (int i = seqs.size() - 1; i >= from; i--) into[at++] = seqs.get(i);
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

  /** Every pending row, sorted by key (the order the index keeps them in). */
  List<Row> sortedRows() {
    List<Row> rows = new ArrayList<>();
    for (var e : byKey.entrySet()) for (long seq : e.getValue()) rows.add(new Row(e.getKey(), seq));
    rows.sort(
        (a, b) ->
            a.bandKey() != b.bandKey()
                ? Long.compare(a.bandKey(), b.bandKey())
                : Long.compare(a.seq(), b.seq()));
    return rows;
  }

  /** After a flush (or when the stories are forgotten): nothing pending. */
  void clear() {
    byKey.clear();
    staged.clear();
    articles = 0;
    throughSeq = 0;
  }
}
