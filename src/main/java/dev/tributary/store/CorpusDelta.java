package dev.tributary.store;

import java.util.List;

/**
 * Counts to add to the stored corpus statistics: {@code documents} more articles, each term's
 * document frequency up by its {@code df}, and the watermark moved from {@code fromSeq} to {@code
 * throughSeq}. Saved in one transaction, and only if the stored watermark is still {@code fromSeq},
 * so no article is counted twice.
 */
public record CorpusDelta(long fromSeq, long throughSeq, int documents, List<Term> terms) {
  /** A stem, its hash (the key the statistics are read by) and how many more articles use it. */
  public record Term(String stem, long hash, int df) {}

  public CorpusDelta {
    terms = List.copyOf(terms);
    if (throughSeq < fromSeq) throw new IllegalArgumentException("the watermark only moves up");
  }
}
