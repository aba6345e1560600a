package dev.tributary.store;

import java.util.List;

/**
 * Sequence numbers of stored articles, ascending: the answer to a seqs-only {@link ReplayQuery}.
 */
public record StoredSeqs(List<Long> seqs) {
  public StoredSeqs {
    seqs = List.copyOf(seqs);
  }
}
