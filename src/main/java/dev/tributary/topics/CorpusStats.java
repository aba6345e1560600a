package dev.tributary.topics;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Document frequencies of stems over the stored articles, for TF-IDF: a word that most articles use
 * says little about any one of them. Filled from the store's corpus statistics at start-up and kept
 * up to date as articles are stored. Thread-safe.
 *
 * <p>The frequencies are held in a count-min sketch of fixed size ({@link #DEPTH} rows of {@link
 * #WIDTH} counters, 8 MiB once the first article is counted), however many distinct stems the
 * corpus has: each stem adds to one counter per row, and its frequency is the smallest of its
 * counters — never less than the true one, more only where a stem shares every one of its counters
 * with others. Adding is commutative, so the sketch filled from the stored frequencies at start-up
 * is the same as the one counted article by article before the restart. See docs/TOPICS.md, "Corpus
 * statistics".
 */
public final class CorpusStats {
  static final int DEPTH = 4;
  static final int WIDTH = 1 << 19;

  private final int width;
  private final AtomicLong documents = new AtomicLong();
  private volatile AtomicIntegerArray counters;

  public CorpusStats() {
    this(WIDTH);
  }

  /** {@code width}: counters per row, a power of two. */
  CorpusStats(int width) {
    if (Integer.bitCount(width) != 1) throw new IllegalArgumentException("a power of two");
    this.width = width;
  }

  /** Counts one more article with these terms. */
  public void add(TermCounts article) {
    for (String term : article.terms()) addFrequency(term, 1);
    documents.incrementAndGet();
  }

  /** Adds stored counts: {@code documents} articles in all, and a stem's document frequency. */
  public void addDocuments(long stored) {
    documents.addAndGet(stored);
  }

  /** Adds {@code df} to the stem's document frequency. */
  public void addFrequency(String term, int df) {
    addFrequency(hash(term), df);
  }

  /** Adds {@code df} to the document frequency of the stem with this {@link #hash}. */
  public void addFrequency(long hash, int df) {
    AtomicIntegerArray table = table();
    int h1 = (int) (hash >>> 32);
    int h2 = (int) hash | 1;
    for (int row = 0; row < DEPTH; row++) table.addAndGet(cell(row, h1, h2), df);
  }

  /**
   * Adds stored document frequencies: {@code frequencies[i]} is that of the stem {@code hashes[i]}.
   */
  public void addFrequencies(long[] hashes, int[] frequencies) {
    for (int i = 0; i < hashes.length; i++) addFrequency(hashes[i], frequencies[i]);
  }

  public long documents() {
    return documents.get();
  }

  /** How many articles the stem occurs in, as the sketch estimates it (never an underestimate). */
  public int documentFrequency(String term) {
    AtomicIntegerArray table = counters;
    if (table == null) return 0;
    long hash = hash(term);
    int h1 = (int) (hash >>> 32);
    int h2 = (int) hash | 1;
    int min = Integer.MAX_VALUE;
    for (int row = 0; row < DEPTH; row++) min = Math.min(min, table.get(cell(row, h1, h2)));
    return min;
  }

  /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1, at least 1. */
  public double idf(String term) {
    long n = documents.get();
    int df = (int) Math.min(documentFrequency(term), n);
    return Math.log((n + 1.0) / (df + 1.0)) + 1.0;
  }

  /** Counters held in memory: at most {@link #maxCounters}, whatever was counted. */
  public int counters() {
    AtomicIntegerArray table = counters;
    return table == null ? 0 : table.length();
  }

  /** The most counters this ever holds: {@link #DEPTH} rows of its width. */
  public int maxCounters() {
    return DEPTH * width;
  }

  private AtomicIntegerArray table() {
    AtomicIntegerArray table = counters;
    if (table != null) return table;
    synchronized (this) {
      if (counters == null) counters = new AtomicIntegerArray(DEPTH * width);
      return counters;
    }
  }

  /**
   * The stem's 64-bit hash: two murmur3 hashes of its UTF-8 bytes. The store keeps each stem's
   * frequency under it, so that the start-up load reads numbers, not text; changing it needs a
   * migration of {@code corpus_terms.hash}.
   */
  public static long hash(String term) {
    BytesRef bytes = new BytesRef(term);
    int h1 = StringHelper.murmurhash3_x86_32(bytes, 0x5bd1e995);
    int h2 = StringHelper.murmurhash3_x86_32(bytes, 0x1b873593);
    return ((long) h1 << 32) | (h2 & 0xffffffffL);
  }

  /**
   * The stem's counter in {@code row}, by double hashing with the two halves of its hash ({@code
   * h1}, and {@code h2} made odd).
   */
  private int cell(int row, int h1, int h2) {
    return row * width + ((h1 + row * h2) & (width - 1));
  }
}
