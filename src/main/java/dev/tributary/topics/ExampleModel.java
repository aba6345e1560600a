package dev.tributary.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Topics learnt from labelled examples: a TF-IDF centroid per topic, and for an article its cosine
 * similarity to each centroid, calibrated to [0,1]. See docs/TOPICS.md, "Topics by example".
 * Immutable; rebuilt when examples are added.
 */
public final class ExampleModel {
  /** Similarity of a typical example to its topic when there is only one example to go by. */
  static final double DEFAULT_TYPICAL_SIMILARITY = 0.35;

  /** An article as similar to the centroid as a typical example scores this. */
  static final double TYPICAL_SCORE = 0.9;

  private record Centroid(Map<String, Double> weights, double typical, double background) {}

  private final Map<String, Centroid> centroids;

  private ExampleModel(Map<String, Centroid> centroids) {
    this.centroids = Map.copyOf(centroids);
  }

  public static ExampleModel empty() {
    return new ExampleModel(Map.of());
  }

  public static ExampleModel build(
      Map<String, List<TermCounts>> examplesBySlug, CorpusStats stats) {
    Map<String, List<Map<String, Double>>> vectors = new HashMap<>();
    examplesBySlug.forEach(
        (slug, examples) -> {
          List<Map<String, Double>> v = new ArrayList<>();
          for (TermCounts e : examples) if (!e.counts().isEmpty()) v.add(vector(e, stats));
          if (!v.isEmpty()) vectors.put(slug, v);
        });
    Map<String, Centroid> centroids = new HashMap<>();
    vectors.forEach(
        (slug, own) -> {
          Map<String, Double> centroid = normalise(sum(own));
          List<Map<String, Double>> others = new ArrayList<>();
          vectors.forEach(
              (other, v) -> {
                if (!other.equals(slug)) others.addAll(v);
              });
          centroids.put(slug, new Centroid(centroid, typical(own), mean(others, centroid)));
        });
    return new ExampleModel(centroids);
  }

  public Set<String> slugs() {
    return centroids.keySet();
  }

  /**
   * How much the article resembles the topic's examples, in [0,1]: 0 at or below the similarity of
   * other topics' examples, {@link #TYPICAL_SCORE} at the similarity of a typical example of its
   * own, 1 above. Empty when the topic has no examples.
   */
  public OptionalDouble score(String slug, TermCounts article, CorpusStats stats) {
    Centroid c = centroids.get(slug);
    if (c == null) return OptionalDouble.empty();
    double cos = dot(vector(article, stats), c.weights());
    double span = Math.max(c.typical() - c.background(), 1e-6);
    double scaled = (cos - c.background()) / span * TYPICAL_SCORE;
    return OptionalDouble.of(Math.max(0, Math.min(1, scaled)));
  }

  /** Sub-linear term frequency times inverse document frequency, unit length. */
  static Map<String, Double> vector(TermCounts counts, CorpusStats stats) {
    Map<String, Double> v = new HashMap<>();
    counts.counts().forEach((term, tf) -> v.put(term, (1 + Math.log(tf)) * stats.idf(term)));
    return normalise(v);
  }

  /** Mean similarity of each example to the centroid of the others (leave one out). */
  private static double typical(List<Map<String, Double>> examples) {
    if (examples.size() < 2) return DEFAULT_TYPICAL_SIMILARITY;
    Map<String, Double> total = sum(examples);
    double sum = 0;
    for (Map<String, Double> e : examples) {
      Map<String, Double> rest = new HashMap<>(total);
      e.forEach((term, w) -> rest.merge(term, -w, Double::sum));
      sum += dot(e, normalise(rest));
    }
    return sum / examples.size();
  }

  private static double mean(List<Map<String, Double>> vectors, Map<String, Double> centroid) {
    if (vectors.isEmpty()) return 0;
    double sum = 0;
    for (Map<String, Double> v : vectors) sum += dot(v, centroid);
    return sum / vectors.size();
  }

  private static Map<String, Double> sum(List<Map<String, Double>> vectors) {
    Map<String, Double> total = new HashMap<>();
    for (Map<String, Double> v : vectors) v.forEach((term, w) -> total.merge(term, w, Double::sum));
    return total;
  }

  private static Map<String, Double> normalise(Map<String, Double> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
    if (norm == 0) return Map.of();
    Map<String, Double> unit = new HashMap<>();
    v.forEach((term, w) -> unit.put(term, w / norm));
    return unit;
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double sum = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) sum += e.getValue() * w;
    }
    return sum;
  }
}
