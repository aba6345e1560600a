package dev.tributary.store.sqlite;

import com.carrotsearch.hppc.LongObjectHashMap;
import dev.tributary.stories.StoryGrouping;
import java.util.Arrays;

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
 *
 * <p>Bounded at {@link #MAX_KEYS} keys (a few MB for keys no other article shares, about 13 MB if
 * every one is crowded), by two generations of primitive maps: keys are put into the young one, and
 * a key found only in the old one moves back to the young one. When the young one is full it
 * becomes the old one and the old one goes, with the keys no look-up asked for since. The keys of a
 * crowded bucket, asked for again and again, stay; those of an article no other shares go. An
 * approximation of least-recently-used eviction that costs a primitive look-up, where a linked map
 * costs a boxed key and a relinking per read (once 36 times per article, a tenth of the writer's
 * time).
 */
final class StoredBuckets {
  /** Keys kept at most: half in each generation. */
  static final int MAX_KEYS = 1 << 16;

  private static final long[] EMPTY = new long[0];

  private LongObjectHashMap<long[]> young = new LongObjectHashMap<>();
  private LongObjectHashMap<long[]> old = new LongObjectHashMap<>();

  /** The bucket's newest sequence numbers, newest first; null when not kept here. */
  long[] get(long key) {
    long[] bucket = young.get(key);
    if (bucket != null) return bucket;
    bucket = old.remove(key);
    if (bucket != null) keep(key, bucket);
    return bucket;
  }

  /** Keeps a bucket as the table holds it: its newest sequence numbers, newest first. */
  void put(long key, long[] newestFirst) {
    old.remove(key);
    keep(key, newestFirst.length == 0 ? EMPTY : newestFirst);
  }

  private void keep(long key, long[] bucket) {
    if (young.size() >= MAX_KEYS / 2 && !young.containsKey(key)) {
      old = young;
      young = new LongObjectHashMap<>();
    }
    young.put(key, bucket);
  }

  /**
   * Rows the flush has written, sorted by key: each kept bucket takes them in and keeps its newest
   * {@link StoryGrouping#BUCKET_LIMIT}, as the table now answers (a row the table held already,
   * which the flush's insert ignored, is not counted twice).
   */
  void added(PendingBands.Sorted rows) {
    long[] keys = rows.keys();
    long[] seqs = rows.seqs();
    int i = 0;
    while (i < keys.length) {
      long key = keys[i];
      int end = i;
      while (end < keys.length && keys[end] == key) end++;
      LongObjectHashMap<long[]> holder = young.containsKey(key) ? young : old;
      int at = holder.indexOf(key);
      if (holder.indexExists(at)) {
        long[] kept = holder.indexGet(at);
        long[] all = Arrays.copyOf(kept, kept.length + end - i);
        System.arraycopy(seqs, i, all, kept.length, end - i);
        holder.indexReplace(at, newestFirst(all));
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
    young.clear();
    old.clear();
  }

  int size() {
    return young.size() + old.size();
  }
}
