package dev.tributary.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which stored articles the corpus statistics have counted, so each is counted once across restarts
 * and crashes. The store keeps the counts of every article up to a watermark ({@link
 * #countedThrough}); articles counted since are pending here, by sequence number, until their
 * counts are saved with the new watermark in one transaction ({@link #countedPrefix}, {@link
 * #saved}). After a crash the pending ones are simply above the stored watermark and are counted
 * again from the store, once.
 *
 * <p>Pending articles are bounded ({@link #maxPending}): beyond it a newly stored article is left
 * uncounted here and counted later from the store. Thread-safe.
 */
public final class CorpusLedger {
  /** How many counted articles may wait for their counts to be saved. */
  public static final int MAX_PENDING = 3000;

  /** Counts of articles above the watermark, ready to be saved with a new one. */
  public record Prefix(long fromSeq, long throughSeq, int documents, Map<String, Integer> df) {}

  private final CorpusStats stats;
  private final int maxPending;
  private final NavigableMap<Long, TermCounts> pending = new TreeMap<>();
  private long countedThrough;

  public CorpusLedger(CorpusStats stats) {
    this(stats, MAX_PENDING);
  }

  CorpusLedger(CorpusStats stats, int maxPending) {
    this.stats = stats;
    this.maxPending = maxPending;
  }

  /** The stored watermark: every stored article up to it is in the stored counts. */
  public synchronized void startFrom(long storedWatermark) {
    countedThrough = storedWatermark;
  }

  public synchronized long countedThrough() {
    return countedThrough;
  }

  public synchronized int pending() {
    return pending.size();
  }

  public int maxPending() {
    return maxPending;
  }

  public synchronized boolean isCounted(long seq) {
    return seq <= countedThrough || pending.containsKey(seq);
  }

  /**
   * Counts a newly stored article unless it is counted already or too many wait to be saved (then
   * it is counted later, read back from the store). True when counted now.
   */
  public synchronized boolean countStored(long seq, TermCounts terms) {
    if (pending.size() >= maxPending) return false;
    return count(seq, terms);
  }

  /** Counts an article read back from the store, unless it is counted already. */
  public synchronized boolean countFromStore(long seq, TermCounts terms) {
    return count(seq, terms);
  }

  private boolean count(long seq, TermCounts terms) {
    if (isCounted(seq)) return false;
    pending.put(seq, terms);
    stats.add(terms);
    return true;
  }

  /**
   * The counts to save: those of the pending articles that, with the watermark, cover every stored
   * article from the watermark up — {@code storedSeqs} are the stored sequence numbers above the
   * watermark, ascending. Null when the first of them is not counted yet.
   */
  public synchronized Prefix countedPrefix(List<Long> storedSeqs) {
    long through = countedThrough;
    for (long seq : storedSeqs) {
      if (seq <= countedThrough) continue;
      if (!pending.containsKey(seq)) break;
      through = seq;
    }
    if (through == countedThrough) return null;
    Map<String, Integer> df = new HashMap<>();
    NavigableMap<Long, TermCounts> saved = pending.headMap(through, true);
    for (TermCounts terms : saved.values()) {
      for (String term : terms.terms()) df.merge(term, 1, Integer::sum);
    }
    return new Prefix(countedThrough, through, saved.size(), df);
  }

  /**
   * The first of {@code storedSeqs} (ascending) above the watermark that is not counted; -1 when
   * all are.
   */
  public synchronized long firstUncounted(List<Long> storedSeqs) {
    for (long seq : storedSeqs) if (!isCounted(seq)) return seq;
    return -1;
  }

  /** The prefix's counts are saved: its articles are now below the watermark. */
  public synchronized void saved(Prefix prefix) {
    if (prefix.fromSeq() != countedThrough) {
      throw new IllegalStateException(
          "saved from " + prefix.fromSeq() + " but the watermark is " + countedThrough);
    }
    pending.headMap(prefix.throughSeq(), true).clear();
    countedThrough = prefix.throughSeq();
  }
}
