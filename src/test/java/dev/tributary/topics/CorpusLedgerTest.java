package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusLedgerTest {
  static final TermCounts TERMS = new TermCounts(Map.of("ketamin", 2, "clinic", 1));

  final CorpusStats stats = new CorpusStats();
  final CorpusLedger ledger = new CorpusLedger(stats, 3);

  @Test
  void anArticleIsCountedOnceWhetherTheStoreOrThePipelineSeesItFirst() {
    assertTrue(ledger.countStored(1, TERMS));
    assertFalse(ledger.countFromStore(1, TERMS));
    assertTrue(ledger.countFromStore(2, TERMS));
    assertFalse(ledger.countStored(2, TERMS));
    assertEquals(2, stats.documents());
  }

  @Test
  void countsAreSavedUpToTheFirstStoredArticleNotCountedYet() {
    ledger.countStored(1, TERMS);
    ledger.countStored(3, TERMS);

    CorpusLedger.Prefix prefix = ledger.countedPrefix(List.of(1L, 2L, 3L));
    assertEquals(0, prefix.fromSeq());
    assertEquals(
        1, prefix.throughSeq(), "article 2 is stored but not counted: the watermark waits");
    assertEquals(1, prefix.documents());
    assertEquals(Map.of("ketamin", 1, "clinic", 1), prefix.df());
    assertEquals(2, ledger.firstUncounted(List.of(1L, 2L, 3L)));

    ledger.saved(prefix);
    assertEquals(1, ledger.countedThrough());
    assertFalse(ledger.countFromStore(1, TERMS), "below the watermark: counted already");
    ledger.countFromStore(2, TERMS);
    CorpusLedger.Prefix rest = ledger.countedPrefix(List.of(2L, 3L));
    assertEquals(3, rest.throughSeq());
    assertEquals(2, rest.documents());
  }

  @Test
  void sequenceNumbersWithNoStoredArticleDoNotHoldTheWatermarkBack() {
    ledger.countStored(5, TERMS);
    assertEquals(5, ledger.countedPrefix(List.of(5L)).throughSeq());
    assertNull(ledger.countedPrefix(List.of()), "nothing stored above the watermark");
  }

  @Test
  void articlesWaitingToBeSavedAreBoundedTheRestAreLeftToTheStore() {
    for (long seq = 1; seq <= 100; seq++) ledger.countStored(seq, TERMS);
    assertEquals(3, ledger.pending());
    assertEquals(3, stats.documents());
    assertFalse(ledger.isCounted(4), "left to be read back from the store");
  }
}
