package dev.tributary.store;

import java.util.List;

/**
 * The answer to a {@link CorpusQuery}: stems with their document frequencies, in the store's order
 * (the next page starts after the last), and the corpus's state when the page was read: how many
 * articles are counted, and the sequence number through which every stored article is.
 */
public record CorpusPage(
    long documents, long countedThrough, List<String> stems, List<Integer> frequencies) {
  public CorpusPage {
    stems = List.copyOf(stems);
    frequencies = List.copyOf(frequencies);
    if (stems.size() != frequencies.size())
      throw new IllegalArgumentException("one frequency per stem");
  }
}
