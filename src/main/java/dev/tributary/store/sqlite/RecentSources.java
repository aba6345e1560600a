package dev.tributary.store.sqlite;

/**
 * The sources of the articles the writer stored last, by sequence number: what story detection
 * needs to set aside a candidate from the new article's own source without reading its row. One
 * source's articles are never one story ({@link dev.tributary.stories.StoryGrouping}), and a row's
 * {@code source_id} lies past its text and HTML, so reading it walks the row's overflow pages: with
 * candidates from the article's own source (a site's boilerplate, a feed's repeated lead) that read
 * was a third of story detection's time on the writer (bench/README.md, "Ingest").
 *
 * <p>A ring of {@link #SIZE} slots, each holding the last sequence number that fell in it and its
 * source: fixed memory, and a sequence number older than the ring's reach is simply not known (the
 * caller reads its row). Writer only. Sequence numbers are recorded once their article's rows are
 * written; a transaction rolled back takes its {@code SqliteStories}, and with it this ring, away.
 */
final class RecentSources {
  /** Slots: the newest articles' sources a look-up can find (a power of two). */
  static final int SIZE = 1 << 15;

  private static final int MASK = SIZE - 1;

  private final long[] seqs = new long[SIZE];
  private final String[] sources = new String[SIZE];

  void record(long seq, String sourceId) {
    int slot = (int) (seq & MASK);
    seqs[slot] = seq;
    sources[slot] = sourceId;
  }

  /** The source of the article with this sequence number, or null when it is not known here. */
  String sourceOf(long seq) {
    int slot = (int) (seq & MASK);
    return seqs[slot] == seq ? sources[slot] : null;
  }
}
