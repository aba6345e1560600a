package dev.tributary.topics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of the tagger against hand labels, per topic and overall. Gold labels
 * are widened with their parents, because the tagger gives a child's parent too.
 */
public final class Evaluation {

  /** One labelled article: what a librarian gave it and what the tagger gave it. */
  public record Case(String name, Set<String> gold, Set<String> predicted) {
    public Case {
      gold = Set.copyOf(gold);
      predicted = Set.copyOf(predicted);
    }
  }

  /** Counts for one topic; precision or recall is NaN when its denominator is zero. */
  public record TopicFigures(
      String slug, int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2TP / (2TP + FP + FN); NaN for a topic that neither the labels nor the tagger used. */
    public double f1() {
      return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    boolean used() {
      return truePositives + falsePositives + falseNegatives > 0;
    }
  }

  /** An article the tagger got wrong. */
  public record Miss(String name, Set<String> missing, Set<String> extra) {}

  /**
   * @param microF1 F1 of the summed counts of all topics
   * @param macroF1 mean F1 over the topics that the labels or the tagger used
   */
  public record Report(
      List<TopicFigures> topics, double microF1, double macroF1, List<Miss> misses, int articles) {}

  private final Taxonomy taxonomy;

  public Evaluation(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public Report evaluate(List<Case> cases) {
    List<Topic> topics = taxonomy.topics();
    int[][] counts = new int[topics.size()][3];
    List<Miss> misses = new ArrayList<>();
    for (Case c : cases) {
      Set<String> gold = withParents(c.gold());
      for (int i = 0; i < topics.size(); i++) {
        String slug = topics.get(i).slug();
        boolean expected = gold.contains(slug);
        boolean got = c.predicted().contains(slug);
        if (expected && got) counts[i][0]++;
        else if (got) counts[i][1]++;
        else if (expected) counts[i][2]++;
      }
      Set<String> missing = new TreeSet<>(gold);
      missing.removeAll(c.predicted());
      Set<String> extra = new TreeSet<>(c.predicted());
      extra.removeAll(gold);
      if (!missing.isEmpty() || !extra.isEmpty()) misses.add(new Miss(c.name(), missing, extra));
    }
    List<TopicFigures> figures = new ArrayList<>();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < topics.size(); i++) {
      figures.add(new TopicFigures(topics.get(i).slug(), counts[i][0], counts[i][1], counts[i][2]));
      tp += counts[i][0];
      fp += counts[i][1];
      fn += counts[i][2];
    }
    double macro =
        figures.stream()
            .filter(TopicFigures::used)
            .mapToDouble(TopicFigures::f1)
            .average()
            .orElse(1);
    double micro = tp + fp + fn == 0 ? 1 : ratio(2 * tp, 2 * tp + fp + fn);
    return new Report(figures, micro, macro, misses, cases.size());
  }

  /** The slugs and all their ancestors; an unknown slug is a mistake in the labels. */
  Set<String> withParents(Set<String> slugs) {
    Set<String> result = new LinkedHashSet<>();
    for (String slug : slugs) {
      String current = slug;
      while (current != null) {
        String name = current;
        Topic topic =
            taxonomy
                .topic(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown topic '" + name + "'"));
        result.add(topic.slug());
        current = topic.parent();
      }
    }
    return result;
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
