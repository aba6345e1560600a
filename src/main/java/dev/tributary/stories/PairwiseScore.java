package dev.tributary.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of a grouping against labels, over every pair of items: a pair is
 * predicted together when both items got the same story, and truly together when they have the same
 * label. Precision: of the pairs put together, how many belong together; recall: of the pairs that
 * belong together, how many were put together.
 *
 * @param items items scored
 * @param pairs pairs of items, n(n-1)/2
 * @param predicted pairs put into one story
 * @param actual pairs with one label
 * @param correct pairs both put together and labelled together
 * @param falseMerges pairs put together with different labels
 * @param misses pairs labelled together but put apart
 */
public record PairwiseScore(
    int items,
    long pairs,
    long predicted,
    long actual,
    long correct,
    List<Pair> falseMerges,
    List<Pair> misses) {

  /** Two items, by name, in name order of the scored list. */
  public record Pair(String first, String second) {}

  /**
   * @param labels each item's label
   * @param stories each item's story, for the same items
   */
  public static PairwiseScore of(Map<String, String> labels, Map<String, String> stories) {
    if (!labels.keySet().equals(stories.keySet())) {
      throw new IllegalArgumentException("labels and stories must cover the same items");
    }
    List<String> names = labels.keySet().stream().sorted().toList();
    long predicted = 0;
    long actual = 0;
    long correct = 0;
    List<Pair> falseMerges = new ArrayList<>();
    List<Pair> misses = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        String a = names.get(i);
        String b = names.get(j);
        boolean together = stories.get(a).equals(stories.get(b));
        boolean belong = labels.get(a).equals(labels.get(b));
        if (together) predicted++;
        if (belong) actual++;
        if (together && belong) correct++;
        if (together && !belong) falseMerges.add(new Pair(a, b));
        if (belong && !together) misses.add(new Pair(a, b));
      }
    }
    long n = names.size();
    return new PairwiseScore(
        names.size(),
        n * (n - 1) / 2,
        predicted,
        actual,
        correct,
        List.copyOf(falseMerges),
        List.copyOf(misses));
  }

  /** Of the pairs put together, the share labelled together; 1 when none was put together. */
  public double precision() {
    return predicted == 0 ? 1.0 : (double) correct / predicted;
  }

  /** Of the pairs labelled together, the share put together; 1 when none is labelled together. */
  public double recall() {
    return actual == 0 ? 1.0 : (double) correct / actual;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
