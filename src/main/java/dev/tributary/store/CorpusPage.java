package dev.tributary.store;

/**
 * The answer to a {@link CorpusQuery}: stems' hashes with their document frequencies, by hash (the
 * next page starts after the last), and the corpus's state when the page was read: how many
 * articles are counted, and the sequence number through which every stored article is. The arrays
 * are the message's own; nobody changes them.
 */
public record CorpusPage(long documents, long countedThrough, long[] hashes, int[] frequencies) {
  public CorpusPage {
    if (hashes.length != frequencies.length)
      throw new IllegalArgumentException("one frequency per stem");
  }

  public int size() {
    return hashes.length;
  }
}
