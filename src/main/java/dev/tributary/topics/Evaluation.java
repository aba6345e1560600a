package dev.tributary.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of the tagger against hand labels, per topic and overall, and the same
 * for each group of articles (in-domain, hard negatives, off-domain). Gold labels are widened with
 * their parents, because the tagger gives a child's parent too.
 */
public final class Evaluation {
  /** Articles about the field's topics. */
  public static final String IN_DOMAIN = "in-domain";

  /** Articles in or near the field that carry a tempting topic they must not get. */
  public static final String HARD_NEGATIVE = "hard-negative";

  /** Articles outside the field, with trap words: they must get no topic at all. */
  public static final String OFF_DOMAIN = "off-domain";

  /** The groups in the order reports show them; other names follow in the order met. */
  static final List<String> GROUP_ORDER = List.of(IN_DOMAIN, HARD_NEGATIVE, OFF_DOMAIN);

  /** One labelled article: what a librarian gave it, what the tagger gave it, and its group. */
  public record Case(String name, Set<String> gold, Set<String> predicted, String group) {
    public Case {
      gold = Set.copyOf(gold);
      predicted = Set.copyOf(predicted);
    }

    /** A case whose group follows from its labels: no label is off-domain, else in-domain. */
    public Case(String name, Set<String> gold, Set<String> predicted) {
      this(name, gold, predicted, gold.isEmpty() ? OFF_DOMAIN : IN_DOMAIN);
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
  public record Miss(String name, String group, Set<String> missing, Set<String> extra) {}

  /**
   * @param microF1 F1 of the summed counts of all topics
   * @param macroF1 mean F1 over the topics that the labels or the tagger used
   * @param tagged articles that got at least one topic
   * @param groups the same figures for each group's articles alone (empty within a group)
   */
  public record Report(
      List<TopicFigures> topics,
      double microF1,
      double macroF1,
      List<Miss> misses,
      int articles,
      int tagged,
      Map<String, Report> groups) {

    public int truePositives() {
      return topics.stream().mapToInt(TopicFigures::truePositives).sum();
    }

    public int falsePositives() {
      return topics.stream().mapToInt(TopicFigures::falsePositives).sum();
    }

    public int falseNegatives() {
      return topics.stream().mapToInt(TopicFigures::falseNegatives).sum();
    }
  }

  private final Taxonomy taxonomy;

  public Evaluation(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public Report evaluate(List<Case> cases) {
    Map<String, List<Case>> byGroup = new LinkedHashMap<>();
    for (String group : GROUP_ORDER) byGroup.put(group, new ArrayList<>());
    for (Case c : cases) byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
    Map<String, Report> groups = new LinkedHashMap<>();
    byGroup.forEach(
        (group, members) -> {
          if (!members.isEmpty()) groups.put(group, evaluate(members, Map.of()));
        });
    return evaluate(cases, groups);
  }

  private Report evaluate(List<Case> cases, Map<String, Report> groups) {
    List<Topic> topics = taxonomy.topics();
    int[][] counts = new int[topics.size()][3];
    List<Miss> misses = new ArrayList<>();
    int tagged = 0;
    for (Case c : cases) {
      Set<String> gold = withParents(c.gold());
      if (!c.predicted().isEmpty()) tagged++;
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
      if (!missing.isEmpty() || !extra.isEmpty()) {
        misses.add(new Miss(c.name(), c.group(), missing, extra));
      }
    }
    List<TopicFigures> figures = new ArrayList<>();
    for (int i = 0; i < topics.size(); i++) {
      figures.add(new TopicFigures(topics.get(i).slug(), counts[i][0], counts[i][1], counts[i][2]));
    }
    return summarise(figures, misses, cases.size(), tagged, groups);
  }

  /**
   * Reports over several sets at once: each topic's counts summed, micro- and macro-F1 of the sums,
   * each group likewise.
   */
  public static Report pooled(List<Report> reports) {
    if (reports.isEmpty()) throw new IllegalArgumentException("nothing to pool");
    List<TopicFigures> first = reports.get(0).topics();
    List<TopicFigures> figures = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Report r : reports) {
        TopicFigures t = r.topics().get(i);
        tp += t.truePositives();
        fp += t.falsePositives();
        fn += t.falseNegatives();
      }
      figures.add(new TopicFigures(first.get(i).slug(), tp, fp, fn));
    }
    List<Miss> misses = new ArrayList<>();
    int articles = 0;
    int tagged = 0;
    Map<String, List<Report>> byGroup = new LinkedHashMap<>();
    for (String group : GROUP_ORDER) byGroup.put(group, new ArrayList<>());
    for (Report r : reports) {
      misses.addAll(r.misses());
      articles += r.articles();
      tagged += r.tagged();
      r.groups().forEach((g, sub) -> byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(sub));
    }
    Map<String, Report> groups = new LinkedHashMap<>();
    byGroup.forEach(
        (group, subs) -> {
          if (!subs.isEmpty()) groups.put(group, pooled(subs));
        });
    return summarise(figures, misses, articles, tagged, groups);
  }

  private static Report summarise(
      List<TopicFigures> figures,
      List<Miss> misses,
      int articles,
      int tagged,
      Map<String, Report> groups) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (TopicFigures t : figures) {
      tp += t.truePositives();
      fp += t.falsePositives();
      fn += t.falseNegatives();
    }
    double macro =
        figures.stream()
            .filter(TopicFigures::used)
            .mapToDouble(TopicFigures::f1)
            .average()
            .orElse(1);
    double micro = tp + fp + fn == 0 ? 1 : ratio(2 * tp, 2 * tp + fp + fn);
    return new Report(
        List.copyOf(figures),
        micro,
        macro,
        List.copyOf(misses),
        articles,
        tagged,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups)));
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
