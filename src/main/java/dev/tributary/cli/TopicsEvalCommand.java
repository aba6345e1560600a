package dev.tributary.cli;

import dev.tributary.topics.Evaluation;
import dev.tributary.topics.LabelledSet;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TopicTagger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tributary topics eval DIR…}: tags each hand-labelled set (a folder holding labels.json, or
 * every such sub-folder of DIR) and prints, per set, per-topic precision, recall and F1, micro and
 * macro F1 overall and per group (in-domain, hard negatives, off-domain), and the articles the
 * tagger got wrong; with several sets, a summary of all of them side by side.
 */
public final class TopicsEvalCommand {
  private final Taxonomy taxonomy;
  private final PrintStream out;

  public TopicsEvalCommand(Taxonomy taxonomy, PrintStream out) {
    this.taxonomy = taxonomy;
    this.out = out;
  }

  /** Each set's report, by the set's name (its path when two folders share a name). */
  public Map<String, Evaluation.Report> run(List<Path> paths) throws IOException {
    List<Path> sets = new ArrayList<>();
    for (Path path : paths) sets.addAll(LabelledSet.setsUnder(path));
    TopicTagger tagger = new TopicTagger(taxonomy);
    Map<String, Evaluation.Report> reports = new LinkedHashMap<>();
    for (Path set : sets) {
      String name = set.getFileName() == null ? set.toString() : set.getFileName().toString();
      if (reports.containsKey(name)) name = set.toString();
      Evaluation.Report report = LabelledSet.load(set).evaluate(tagger, taxonomy);
      reports.put(name, report);
      out.printf(Locale.ROOT, "== %s (%s)%n", name, set);
      out.print(format(report));
      out.println();
    }
    if (reports.size() > 1) out.print(summary(reports));
    return reports;
  }

  public static String format(Evaluation.Report report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-32s %6s %6s %6s %4s %4s %4s%n",
            "topic",
            "P",
            "R",
            "F1",
            "TP",
            "FP",
            "FN"));
    for (Evaluation.TopicFigures t : report.topics()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-32s %6s %6s %6s %4d %4d %4d%n",
              t.slug(),
              figure(t.precision()),
              figure(t.recall()),
              figure(t.f1()),
              t.truePositives(),
              t.falsePositives(),
              t.falseNegatives()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%narticles %d, micro-F1 %s, macro-F1 %s%n",
            report.articles(),
            figure(report.microF1()),
            figure(report.macroF1())));
    if (!report.groups().isEmpty()) text.append(System.lineSeparator()).append(groups(report));
    if (!report.misses().isEmpty()) {
      text.append(String.format("%nmisclassified (%d):%n", report.misses().size()));
      for (Evaluation.Miss miss : report.misses()) {
        text.append("  ")
            .append(miss.name())
            .append(" (")
            .append(miss.group())
            .append("): missing ")
            .append(miss.missing())
            .append(" extra ")
            .append(miss.extra())
            .append(System.lineSeparator());
      }
    }
    return text.toString();
  }

  /**
   * One line per group: its articles, how many got any topic, micro- and macro-F1 and the summed
   * counts (an off-domain group's F1 is 1 when nothing is tagged, 0 otherwise).
   */
  static String groups(Evaluation.Report report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-15s %8s %6s %8s %8s %4s %4s %4s%n",
            "group",
            "articles",
            "tagged",
            "micro-F1",
            "macro-F1",
            "TP",
            "FP",
            "FN"));
    report
        .groups()
        .forEach(
            (group, g) ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "%-15s %8d %6d %8s %8s %4d %4d %4d%n",
                        group,
                        g.articles(),
                        g.tagged(),
                        figure(g.microF1()),
                        figure(g.macroF1()),
                        g.truePositives(),
                        g.falsePositives(),
                        g.falseNegatives())));
    return text.toString();
  }

  /** All sets side by side, then pooled (each topic's counts summed over the sets). */
  static String summary(Map<String, Evaluation.Report> reports) {
    StringBuilder text = new StringBuilder("== all sets\n");
    text.append(
        String.format(
            Locale.ROOT,
            "%-16s %8s %8s %8s %10s %10s %12s%n",
            "set",
            "articles",
            "micro-F1",
            "macro-F1",
            "in-domain",
            "hard-neg.",
            "off-domain"));
    Map<String, Evaluation.Report> rows = new LinkedHashMap<>(reports);
    rows.put("pooled", Evaluation.pooled(List.copyOf(reports.values())));
    rows.forEach(
        (name, r) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    "%-16s %8d %8s %8s %10s %10s %12s%n",
                    name,
                    r.articles(),
                    figure(r.microF1()),
                    figure(r.macroF1()),
                    groupMicro(r, Evaluation.IN_DOMAIN),
                    groupMicro(r, Evaluation.HARD_NEGATIVE),
                    offDomainTagged(r))));
    text.append(
        "(in-domain, hard-neg.: that group's micro-F1; off-domain: articles tagged / articles)\n");
    return text.toString();
  }

  private static String groupMicro(Evaluation.Report report, String group) {
    Evaluation.Report g = report.groups().get(group);
    return g == null ? "-" : figure(g.microF1());
  }

  private static String offDomainTagged(Evaluation.Report report) {
    Evaluation.Report g = report.groups().get(Evaluation.OFF_DOMAIN);
    return g == null ? "-" : g.tagged() + "/" + g.articles();
  }

  /** "-" where a figure is undefined (nothing predicted, nothing labelled). */
  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
