package dev.tributary.topics;

import dev.tributary.article.ArticleTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tags an article with the taxonomy's topics it is substantively about. Thread-safe. */
public final class TopicTagger {
  private final Taxonomy taxonomy;
  private final Map<String, Integer> indexBySlug = new HashMap<>();
  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final TopicMatcher matcher;
  private final TopicScorer scorer = new TopicScorer();

  public TopicTagger(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    for (int i = 0; i < taxonomy.topics().size(); i++) {
      indexBySlug.put(taxonomy.topics().get(i).slug(), i);
    }
    this.matcher = new TopicMatcher(taxonomy, analyzer);
  }

  public static TopicTagger load(Path taxonomyFile) {
    return new TopicTagger(Taxonomy.load(taxonomyFile));
  }

  public List<Topic> topics() {
    return taxonomy.topics();
  }

  /** Topics whose score clears their threshold, plus their parents, best first. */
  public List<ArticleTopic> tag(String title, String text) {
    AnalyzedText analyzed = analyzer.analyze(title, text);
    List<TopicMatcher.Match> matches = matcher.find(analyzed);
    if (!inContext(matches)) {
      return List.of();
    }
    Map<Integer, Double> scores = scorer.score(analyzed, matches);
    Map<Integer, Double> applied = new HashMap<>();
    scores.forEach(
        (index, score) -> {
          if (score >= taxonomy.topics().get(index).threshold()) {
            applyWithParents(index, score, applied);
          }
        });
    List<ArticleTopic> result = new ArrayList<>();
    applied.forEach(
        (index, score) -> {
          Topic topic = taxonomy.topics().get(index);
          result.add(new ArticleTopic(topic.slug(), topic.label(), round(score)));
        });
    result.sort(
        Comparator.comparingDouble(ArticleTopic::score)
            .reversed()
            .thenComparing(ArticleTopic::slug));
    return result;
  }

  /** The article uses enough of the field's vocabulary for its words to be read in that sense. */
  private boolean inContext(List<TopicMatcher.Match> matches) {
    long found =
        matches.stream()
            .filter(m -> m.kind() == TopicMatcher.Kind.CONTEXT)
            .mapToInt(TopicMatcher.Match::last)
            .distinct()
            .count();
    return found >= taxonomy.contextMinimum();
  }

  /** A parent is at least as relevant as its most relevant child. */
  private void applyWithParents(int index, double score, Map<Integer, Double> applied) {
    Integer current = index;
    while (current != null) {
      applied.merge(current, score, Math::max);
      String parent = taxonomy.topics().get(current).parent();
      current = parent == null ? null : indexBySlug.get(parent);
    }
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
