package dev.tributary.store;

import java.util.List;

/** Articles asked for by sequence number (the reader APIs' item ids), in the order wanted. */
public record ReaderLookup(List<Long> seqs) {
  public ReaderLookup {
    seqs = List.copyOf(seqs);
  }
}
