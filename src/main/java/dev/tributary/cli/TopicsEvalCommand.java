package dev.tributary.cli;

import dev.tributary.topics.Evaluation;
import dev.tributary.topics.LabelledSet;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TopicTagger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code tributary topics eval LABELS_DIR}: tags a hand-labelled folder and prints per-topic
 * precision, recall and F1, micro and macro F1, and the articles the tagger got wrong.
 */
public final class TopicsEvalCommand {
  private final Taxonomy taxonomy;
  private final PrintStream out;

  public TopicsEvalCommand(Taxonomy taxonomy, PrintStream out) {
    this.taxonomy = taxonomy;
    this.out = out;
  }

  public Evaluation.Report run(Path labelsDir) throws IOException {
    Evaluation.Report report =
        LabelledSet.load(labelsDir).evaluate(new TopicTagger(taxonomy), taxonomy);
    out.print(format(report));
    return report;
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
    if (!report.misses().isEmpty()) {
      text.append(String.format("%nmisclassified (%d):%n", report.misses().size()));
      for (Evaluation.Miss miss : report.misses()) {
        text.append("  ")
            .append(miss.name())
            .append(": missing ")
            .append(miss.missing())
            .append(" extra ")
            .append(miss.extra())
            .append(System.lineSeparator());
      }
    }
    return text.toString();
  }

  /** "-" where a figure is undefined (nothing predicted, nothing labelled). */
  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
