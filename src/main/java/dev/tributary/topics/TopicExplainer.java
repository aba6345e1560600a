package dev.tributary.topics;

import dev.tributary.article.ArticleTopic;
import dev.tributary.topics.TopicMatcher.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Builds {@link TopicExplanation}s for one analysed article: the counted mentions, the vetoed ones,
 * the scores and the reason each topic was or was not applied.
 */
final class TopicExplainer {
  private final Taxonomy taxonomy;
  private final TopicScorer scorer;

  TopicExplainer(Taxonomy taxonomy, TopicScorer scorer) {
    this.taxonomy = taxonomy;
    this.scorer = scorer;
  }

  /** What one article's explanation is made of, besides the taxonomy. */
  record Inputs(
      AnalyzedText text,
      List<Match> matches,
      boolean inContext,
      List<ArticleTopic> applied,
      Map<Integer, OptionalDouble> examples) {}

  List<TopicExplanation> explain(Inputs in) {
    AnalyzedText text = in.text();
    int bodyWords = text.bodyWords();
    double saturation = TopicScorer.saturation(bodyWords);
    Map<Integer, List<TopicExplanation.Evidence>> evidence = new HashMap<>();
    Map<Integer, Double> sums = new HashMap<>();
    List<TopicScorer.Hit> hits = scorer.hits(text, in.matches());
    TopicScorer.contributions(hits)
        .forEach(
            (hit, contribution) -> {
              sums.merge(hit.topic(), contribution, Double::sum);
              evidence
                  .computeIfAbsent(hit.topic(), t -> new ArrayList<>())
                  .add(
                      new TopicExplanation.Evidence(
                          spanText(text, hit.first(), hit.last()),
                          zoneName(text, hit.first()),
                          hit.paragraph(),
                          round(hit.weight()),
                          round(contribution)));
            });
    List<TopicScorer.Vetoed> vetoes = scorer.vetoed(text, in.matches());
    for (int t : new ArrayList<>(evidence.keySet())) {
      int paragraph = scorer.paragraphBuiltAround(t, hits, vetoes, in.matches(), text);
      if (paragraph == 0) continue;
      sums.merge(t, TopicScorer.PARAGRAPH_FOCUS, Double::sum);
      evidence
          .get(t)
          .add(
              new TopicExplanation.Evidence(
                  "(paragraph " + paragraph + " is built around it)",
                  "body",
                  paragraph,
                  round(TopicScorer.PARAGRAPH_FOCUS),
                  round(TopicScorer.PARAGRAPH_FOCUS)));
    }
    Map<Integer, List<TopicExplanation.Vetoed>> vetoed = new HashMap<>();
    for (TopicScorer.Vetoed v : vetoes) {
      vetoed
          .computeIfAbsent(v.topic(), t -> new ArrayList<>())
          .add(
              new TopicExplanation.Vetoed(
                  spanText(text, v.first(), v.last()),
                  zoneName(text, v.first()),
                  text.paragraphs[v.first()],
                  kindName(v.by().kind()),
                  spanText(text, v.by().first(), v.by().last())));
    }
    Map<String, Double> applied = new HashMap<>();
    for (ArticleTopic t : in.applied()) applied.put(t.slug(), t.score());
    List<TopicExplanation> result = new ArrayList<>();
    for (int i = 0; i < taxonomy.topics().size(); i++) {
      Topic topic = taxonomy.topics().get(i);
      OptionalDouble fromExamples = in.examples().getOrDefault(i, OptionalDouble.empty());
      boolean mentioned = evidence.containsKey(i) || vetoed.containsKey(i);
      if (!mentioned && fromExamples.isEmpty() && !applied.containsKey(topic.slug())) continue;
      double sum = sums.getOrDefault(i, 0.0);
      double ruleScore = in.inContext() && sum > 0 ? TopicScorer.scoreOf(sum, saturation) : 0;
      double combined =
          fromExamples.isPresent()
              ? 1 - (1 - ruleScore) * (1 - fromExamples.getAsDouble())
              : ruleScore;
      String reason = reason(topic, combined, applied, in, evidence.containsKey(i));
      result.add(
          new TopicExplanation(
              topic.slug(),
              topic.label(),
              topic.threshold(),
              round(ruleScore),
              fromExamples.isPresent() ? round(fromExamples.getAsDouble()) : null,
              round(combined),
              applied.containsKey(topic.slug()),
              evidence.getOrDefault(i, List.of()),
              round(sum),
              round(saturation),
              bodyWords,
              reason,
              vetoed.getOrDefault(i, List.of())));
    }
    result.sort(Comparator.comparingDouble(TopicExplanation::score).reversed());
    return result;
  }

  private String reason(
      Topic topic, double score, Map<String, Double> applied, Inputs in, boolean counted) {
    List<ArticleTopic> appliedTopics = in.applied();
    String threshold = figure(topic.threshold());
    if (applied.containsKey(topic.slug())) {
      if (score >= topic.threshold()) {
        return "applied: score " + figure(score) + " ≥ threshold " + threshold;
      }
      for (ArticleTopic child : appliedTopics) {
        if (isAncestor(topic.slug(), child.slug())) {
          return "applied: implied by its sub-topic " + child.slug();
        }
      }
      return "applied";
    }
    if (!in.inContext() && counted) {
      return "not applied: the article has too few words of the field (context, at least "
          + TopicTagger.fieldWordsNeeded(taxonomy, in.text())
          + " for its length), so its words are read in their everyday senses";
    }
    if (!counted && score == 0) {
      return "not applied: every mention is vetoed";
    }
    if (score >= topic.threshold() && topic.parent() != null) {
      return "not applied: score "
          + figure(score)
          + " ≥ threshold "
          + threshold
          + ", but it is a kind of "
          + topic.parent()
          + ", which the article never speaks of";
    }
    return "not applied: score " + figure(score) + " < threshold " + threshold;
  }

  private boolean isAncestor(String ancestor, String slug) {
    String current = taxonomy.topic(slug).map(Topic::parent).orElse(null);
    while (current != null) {
      if (current.equals(ancestor)) return true;
      current = taxonomy.topic(current).map(Topic::parent).orElse(null);
    }
    return false;
  }

  private static String kindName(TopicMatcher.Kind kind) {
    return switch (kind) {
      case EXCLUSION -> "exclude";
      case SENSE -> "sense";
      default -> "negation";
    };
  }

  private static String zoneName(AnalyzedText text, int word) {
    return text.zone(word).name().toLowerCase(Locale.ROOT);
  }

  private static String spanText(AnalyzedText text, int first, int last) {
    Token a = text.tokens().get(first);
    Token b = text.tokens().get(last);
    String source = a.zone() == Token.Zone.TITLE ? text.title() : text.body();
    return a.zone() == b.zone() ? source.substring(a.start(), b.end()) : a.surface();
  }

  private static String figure(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
