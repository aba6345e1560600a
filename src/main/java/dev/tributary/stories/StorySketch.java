package dev.tributary.stories;

import java.util.Arrays;

/**
 * What story detection keeps of an article: its {@link Shingles} (to confirm a candidate) and the
 * keys of its locality-sensitive band buckets (to find candidates without looking at every stored
 * article).
 *
 * <p>The band keys come from MinHash signatures: hash functions that each keep the smallest hash of
 * any shingle. Two texts agree on one function's minimum with probability equal to their Jaccard
 * similarity J, so they share a band ({@link #ROWS} minima alike) with probability J^ROWS, and at
 * least one of n bands with probability 1 − (1 − J^ROWS)^n. There are two sets of bands:
 *
 * <ul>
 *   <li>{@link #BANDS} bands over all the shingles, for copies with words changed or a paragraph
 *       left out: 0.80 at J = 0.4, 0.96 at J = 0.5, 0.997 at J = 0.6, and 0.0002 at J = 0.02
 *       (unrelated articles share far less);
 *   <li>{@link #LEAD_BANDS} bands over the first {@link #LEAD_SHINGLES} shingles, for copies cut
 *       short: a copy cut to its first 60 % has a Jaccard similarity of only 0.6 with the original
 *       over the whole text (less with a few words changed), but its lead is the original's lead
 *       (0.95 at a lead J of 0.6, 0.9998 at 0.8).
 * </ul>
 *
 * Each article adds {@link #BANDS} + {@link #LEAD_BANDS} rows to the store's band table, and a new
 * article looks up that many keys: a cost that does not grow with the number stored. Each key is an
 * insert at a random place of the band index, the bulk of detection's cost (bench/README.md,
 * "Stories"), so the counts are as low as the labelled sets allow: none lost a pair on the dev set;
 * on harsher copies (a word in 12 replaced throughout) 48 + 16 bands lost none, 24 + 12 up to 3
 * pairs in 27, 16 + 8 some in every variant.
 */
public record StorySketch(long[] shingles, long[] bandKeys) {
  public static final int BANDS = 24;
  public static final int LEAD_BANDS = 12;
  public static final int ROWS = 3;

  /** The lead: the first this many shingles (about the first 80 words, after boilerplate). */
  public static final int LEAD_SHINGLES = 80;

  /**
   * Fewer shingles than this (about 25 words after boilerplate) and an article is its own story:
   * too little text to tell a copy from a coincidence.
   */
  public static final int MIN_SHINGLES = 20;

  private static final int HASHES = BANDS * ROWS;
  private static final int LEAD_HASHES = LEAD_BANDS * ROWS;
  private static final long[] MULTIPLIERS = new long[HASHES + LEAD_HASHES];
  private static final long[] OFFSETS = new long[HASHES + LEAD_HASHES];

  static {
    long seed = 0x5EED0F5707A1E5L;
    for (int i = 0; i < MULTIPLIERS.length; i++) {
      seed += 0x9E3779B97F4A7C15L;
      MULTIPLIERS[i] = Shingles.mix(seed) | 1; // odd: a bijection of the 64-bit values
      seed += 0x9E3779B97F4A7C15L;
      OFFSETS[i] = Shingles.mix(seed);
    }
  }

  private static final StorySketch NONE = new StorySketch(new long[0], new long[0]);

  /** The sketch of an article's plain text; without band keys when the text is too short. */
  public static StorySketch of(String text) {
    long[] inOrder = Shingles.inOrder(StoryText.wordHashes(text));
    long[] shingles = Shingles.set(inOrder);
    if (shingles.length == 0) return NONE;
    if (shingles.length < MIN_SHINGLES) return new StorySketch(shingles, new long[0]);
    long[] lead = Shingles.set(Arrays.copyOf(inOrder, Math.min(inOrder.length, LEAD_SHINGLES)));
    long[] keys = new long[BANDS + LEAD_BANDS];
    bandKeys(signature(shingles, 0, HASHES), 0, keys);
    bandKeys(signature(lead, HASHES, LEAD_HASHES), BANDS, keys);
    return new StorySketch(shingles, keys);
  }

  /** Whether the article takes part in story detection (it has enough text). */
  public boolean isComparable() {
    return bandKeys.length > 0;
  }

  /**
   * The minimum of each hash function over the shingles. The functions are x·a + b over 64-bit
   * values with odd a: each a permutation of the (already well-mixed) shingle hashes.
   */
  static long[] signature(long[] shingles, int firstFunction, int functions) {
    long[] minima = new long[functions];
    for (int i = 0; i < functions; i++) {
      // One function over all the shingles: its minimum stays in a register (with the functions
      // in the inner loop, every step loaded and stored an array element: twice the time).
      long a = MULTIPLIERS[firstFunction + i];
      long b = OFFSETS[firstFunction + i];
      long min = Long.MAX_VALUE;
      for (long x : shingles) min = Math.min(min, x * a + b);
      minima[i] = min;
    }
    return minima;
  }

  /**
   * One key per band, into {@code keys} from {@code firstBand}: the band's number and its rows'
   * minima, hashed to 64 bits (so equal minima in different bands are different keys).
   */
  static void bandKeys(long[] signature, int firstBand, long[] keys) {
    for (int b = 0; b < signature.length / ROWS; b++) {
      long h = Shingles.mix(firstBand + b + 1L);
      for (int r = 0; r < ROWS; r++) h = Shingles.mix(h ^ signature[b * ROWS + r]);
      keys[firstBand + b] = h;
    }
  }
}
