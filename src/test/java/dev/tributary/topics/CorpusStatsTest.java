package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusStatsTest {
  /** {@code n} articles, article {@code i} with {@code terms} stems of its own and "common". */
  static void countDistinctStems(CorpusStats stats, int articles, int terms) {
    for (int i = 0; i < articles; i++) {
      Map<String, Integer> counts = new HashMap<>();
      counts.put("common", 1);
      for (int t = 0; t < terms; t++) counts.put("stem" + i + "x" + t, 1);
      stats.add(new TermCounts(counts));
    }
  }

  @Test
  void theMemoryHeldStaysWithinItsBoundHoweverManyDistinctStemsAreCounted() {
    CorpusStats stats = new CorpusStats(1 << 12);
    countDistinctStems(stats, 10, 100);
    int afterAThousand = stats.counters();
    countDistinctStems(stats, 1_000, 100); // a hundred thousand more distinct stems

    assertTrue(stats.counters() <= stats.maxCounters(), "within the bound");
    assertEquals(afterAThousand, stats.counters(), "no more memory for more distinct stems");
    assertTrue(stats.maxCounters() < 100_000, "fewer counters than the stems counted");
    // Overfull (25 stems a counter), the sketch overestimates, never under.
    assertTrue(stats.documentFrequency("common") >= 1_010, "a stem in every article");
  }

  @Test
  void aStemsFrequencyIsNeverUnderestimatedAndAlmostAlwaysExact() {
    CorpusStats stats = new CorpusStats();
    Map<String, Integer> truth = new HashMap<>();
    // 200,000 distinct stems with Zipf-like frequencies: stem k occurs in 1 + 2000/k articles.
    for (int k = 1; k <= 200_000; k++) {
      int df = 1 + 2000 / k;
      stats.addFrequency("w" + k, df);
      truth.put("w" + k, df);
    }
    int exact = 0;
    for (Map.Entry<String, Integer> e : truth.entrySet()) {
      int estimate = stats.documentFrequency(e.getKey());
      assertTrue(estimate >= e.getValue(), e.getKey() + " underestimated");
      if (estimate == e.getValue()) exact++;
    }
    assertTrue(exact >= truth.size() * 0.97, exact + " of " + truth.size() + " exact");
  }

  @Test
  void statisticsLoadedFromStoredFrequenciesWeighStemsAsCountingTheArticlesDid() {
    CorpusStats counted = new CorpusStats();
    counted.add(new TermCounts(Map.of("ketamin", 2, "clinic", 1)));
    counted.add(new TermCounts(Map.of("clinic", 3, "spray", 1)));
    CorpusStats loaded = new CorpusStats();
    loaded.addDocuments(2);
    loaded.addFrequency("clinic", 2);
    loaded.addFrequency("ketamin", 1);
    loaded.addFrequency("spray", 1);
    for (String stem : new String[] {"ketamin", "clinic", "spray", "unseen"}) {
      assertEquals(counted.idf(stem), loaded.idf(stem), stem);
    }
  }
}
