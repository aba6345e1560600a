package dev.tributary.store.sqlite;

import dev.tributary.stories.StoryGrouping;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's copy of the story band buckets it has read from {@code story_bands}: for each key,
 * the bucket's newest {@link StoryGrouping#BUCKET_LIMIT} sequence numbers, newest first (none for
 * an empty bucket), exactly as a look-up in the table answers. The buckets text shares (a wire
 * story's sentences, a site's boilerplate) are the crowded ones and the ones asked for again and
 * again; read from here, they cost a few array reads instead of a range of the index each
 * (bench/README.md, "Ingest").
 *
 * <p>Only the writer changes {@code story_bands}, and only by {@link PendingBands}' flush, which
 * adds the newest rows of each bucket: {@link #added} keeps the copies exact through it. Anything
 * else that rewrites the table (forgetting the stories, a failed flush) {@link #clear}s them.
 * Bounded: the least recently used key goes once {@link #MAX_KEYS} are kept (a few MB for keys no
 * other article shares, about 13 MB if every one is crowded).
 */
final class StoredBuckets {
  /** Keys kept at most: a crowded bucket stays, the keys of an article no other shares go. */
  static final int MAX_KEYS = 1 << 16;

  private static final long[] EMPTY = new long[0];

  private final Map<Long, long[]> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
          return size() > MAX_KEYS;
        }
      };

  /** The bucket's newest sequence numbers, newest first; null when not kept here. */
  long[] get(long key) {
    return buckets.get(key);
  }

  /** Keeps a bucket as the table holds it: its newest sequence numbers, newest first. */
  void put(long key, long[] newestFirst) {
    buckets.put(key, newestFirst.length == 0 ? EMPTY : newestFirst);
  }

  /**
   * Rows the flush has written, sorted by key: each kept bucket takes them in and keeps its newest
   * {@link StoryGrouping#BUCKET_LIMIT}, as the table now answers (a row the table held already,
   * which the flush's insert ignored, is not counted twice).
   */
  void added(List<PendingBands.Row> rows) {
    int i = 0;
    while (i < rows.size()) {
      long key = rows.get(i).bandKey();
      int end = i;
      while (end < rows.size() && rows.get(end).bandKey() == key) end++;
      long[] kept = buckets.get(key);
      if (kept != null) {
        long[] all = Arrays.copyOf(kept, kept.length + end - i);
        for (int k = i; k < end; k++) all[kept.length + k - i] = rows.get(k).seq();
        buckets.put(key, newestFirst(all));
      }
      i = end;
    }
  }

  /** Distinct, newest first, at most the limit ({@code seqs} is sorted in place). */
  static long[] newestFirst(long[] seqs) {
    Arrays.sort(seqs);
    long[] newest = new long[Math.min(seqs.length, StoryGrouping.BUCKET_LIMIT)];
    int n = 0;
    for (int k = seqs.length - 1; k >= 0 && n < newest.length; k--) {
      if (n == 0 || newest[n - 1] != seqs[k]) newest[n++] = seqs[k];
    }
    return n == newest.length ? newest : Arrays.copyOf(newest, n);
  }

  void clear() {
    buckets.clear();
  }

  int size() {
    return buckets.size();
  }
}
