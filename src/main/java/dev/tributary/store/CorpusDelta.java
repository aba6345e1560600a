package dev.tributary.store;

import java.util.Map;

/**
 * Counts to add to the stored corpus statistics: {@code documents} more articles, each stem's
 * document frequency up by its value, and the watermark moved from {@code fromSeq} to {@code
 * throughSeq}. Saved in one transaction, and only if the stored watermark is still {@code fromSeq},
 * so no article is counted twice.
 */
public record CorpusDelta(
    long fromSeq, long throughSeq, int documents, Map<String, Integer> frequencies) {
  public CorpusDelta {
    frequencies = Map.copyOf(frequencies);
    if (throughSeq < fromSeq) throw new IllegalArgumentException("the watermark only moves up");
  }
}
