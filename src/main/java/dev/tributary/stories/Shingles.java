package dev.tributary.stories;

import java.util.Arrays;
import java.util.List;

/**
 * A text's word shingles: every run of {@link #WORDS} consecutive words, each as a 64-bit hash, as
 * a sorted array without repeats. Two copies of one story share most of their shingles however they
 * were cut; two reports of one event in their own words share few, even when they name the same
 * people and numbers, because a shingle is four words in a row.
 */
public final class Shingles {
  /**
   * Words per shingle. Four is long enough that independent reports of one event share few shingles
   * beyond a quotation (at most 12 % of the shorter on the labelled set), and short enough that a
   * copy with a word changed here and there keeps most of them: a changed word changes the four
   * shingles that hold it. With five, copies with a word in 12 changed lost a quarter more
   * shingles, and their band buckets missed them (docs/CONFIGURATION.md, stories.threshold).
   */
  public static final int WORDS = 4;

  private Shingles() {}

  /** The shingles of the text's {@link StoryText#words}: sorted, distinct; empty when too short. */
  public static long[] of(String text) {
    return set(inOrder(StoryText.wordHashes(text)));
  }

  public static long[] of(List<String> words) {
    return set(inOrder(words.stream().mapToLong(StoryText::wordHash).toArray()));
  }

  /** The shingles, in the order they occur (repeats included), of words given as their hashes. */
  static long[] inOrder(long[] wordHashes) {
    int n = wordHashes.length - WORDS + 1;
    if (n <= 0) return new long[0];
    long[] shingles = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < WORDS; j++) h = (h ^ wordHashes[i + j]) * 0x100000001B3L + j;
      shingles[i] = mix(h);
    }
    return shingles;
  }

  /** Shingles as a set: sorted, without repeats (a new array). */
  static long[] set(long[] shingles) {
    long[] sorted = shingles.clone();
    Arrays.sort(sorted);
    return distinct(sorted);
  }

  /**
   * How much of the smaller set is in the larger: |a ∩ b| / min(|a|, |b|), from 0 to 1; 0 when
   * either is empty. A copy cut to its first 60 % is contained whole in the original (1.0), where
   * their Jaccard similarity is only 0.6.
   */
  public static double containment(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) return 0;
    return (double) shared(a, b) / Math.min(a.length, b.length);
  }

  /** How many values two sorted, distinct arrays have in common. */
  static int shared(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        shared++;
        i++;
        j++;
      }
    }
    return shared;
  }

  /** The splitmix64 finaliser: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long[] distinct(long[] sorted) {
    if (sorted.length == 0) return sorted;
    int n = 1;
    for (int i = 1; i < sorted.length; i++) if (sorted[i] != sorted[n - 1]) sorted[n++] = sorted[i];
    return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
  }
}
