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
  private final TopicScorer scorer;
  private final TopicExplainer explainer;
  private final ExampleModel examples;
  private final CorpusStats corpus;

  public TopicTagger(Taxonomy taxonomy) {
    this(taxonomy, ExampleModel.empty(), new CorpusStats());
  }

  /**
   * @param examples topics learnt from labelled examples, blended with the rules
   * @param corpus document frequencies of the stored articles, for TF-IDF
   */
  public TopicTagger(Taxonomy taxonomy, ExampleModel examples, CorpusStats corpus) {
    this.taxonomy = taxonomy;
    for (int i = 0; i < taxonomy.topics().size(); i++) {
      indexBySlug.put(taxonomy.topics().get(i).slug(), i);
    }
    this.matcher = new TopicMatcher(taxonomy, analyzer);
    this.scorer = new TopicScorer(taxonomy);
    this.explainer = new TopicExplainer(taxonomy, scorer);
    this.examples = examples;
    this.corpus = corpus;
  }

  /** What tagging one article yields: its topics, its keyphrases, its bag of words. */
  public record Tagging(List<ArticleTopic> topics, List<String> keyphrases, TermCounts terms) {}

  /** Topics as {@link #tag}, plus the top {@code keyphrases} keyphrases, in one analysis. */
  public Tagging tagging(String title, String text, int keyphrases) {
    AnalyzedText analyzed = analyzer.analyze(title, text);
    TermCounts terms = TermCounts.of(analyzed);
    return new Tagging(
        topicsOf(analyzed, terms), Keyphrases.top(analyzed, corpus, keyphrases), terms);
  }

  /** The bag of words of an article, as the example model and corpus statistics see it. */
  public TermCounts terms(String title, String text) {
    return TermCounts.of(analyzer.analyze(title, text));
  }

  public Taxonomy taxonomy() {
    return taxonomy;
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
    return topicsOf(analyzed, examples.slugs().isEmpty() ? null : TermCounts.of(analyzed));
  }

  private List<ArticleTopic> topicsOf(AnalyzedText analyzed, TermCounts terms) {
    List<TopicMatcher.Match> matches = matcher.find(analyzed);
    // The field-context gate guards the rules' words only: taught examples are their own
    // evidence, in any field.
    Map<Integer, Double> scores =
        inContext(analyzed, matches)
            ? new HashMap<>(scorer.score(analyzed, matches))
            : new HashMap<>();
    if (terms != null) blendExamples(terms, scores);
    Map<Integer, Double> applied = new HashMap<>();
    scores.forEach(
        (index, score) -> {
          if (score >= taxonomy.topics().get(index).threshold() && parentSpokenOf(index, scores)) {
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

  /**
   * Rules and examples are two independent witnesses: the topic's score is the noisy-OR of both, 1
   * - (1 - rules)(1 - examples); a topic with no terms relies on its examples alone.
   */
  private void blendExamples(TermCounts terms, Map<Integer, Double> scores) {
    for (String slug : examples.slugs()) {
      Integer index = indexBySlug.get(slug);
      if (index == null) continue;
      double fromExamples = examples.score(slug, terms, corpus).orElse(0);
      scores.merge(index, fromExamples, (rules, ex) -> 1 - (1 - rules) * (1 - ex));
    }
  }

  /** The article uses enough of the field's vocabulary for its words to be read in that sense. */
  private boolean inContext(AnalyzedText analyzed, List<TopicMatcher.Match> matches) {
    return TopicMatcher.hasFieldWords(matches, fieldWordsNeeded(taxonomy, analyzed));
  }

  /**
   * Distinct words of the field's context a full article needs before its words are read in the
   * field's senses, when the taxonomy asks for any: one word of the field is proof enough in a
   * headline and a few sentences, but a long article in another field meets one by chance
   * ("clinical precision", "a clinical finish"), while one in the field names it again and again
   * (nine in ten in-domain long articles have 12 or more); see docs/TOPICS.md, "Two words of the
   * field in a full article".
   */
  static final int FIELD_WORDS_IN_A_FULL_ARTICLE = 2;

  /** The context words an article needs: the taxonomy's minimum, more in a full article. */
  static int fieldWordsNeeded(Taxonomy taxonomy, AnalyzedText text) {
    int minimum = taxonomy.contextMinimum();
    if (minimum <= 0 || text.bodyWords() < TopicScorer.FULL_LENGTH) return minimum;
    return Math.max(minimum, FIELD_WORDS_IN_A_FULL_ARTICLE);
  }

  /**
   * Every topic with any evidence, from the rules or from examples, with its mentions and what each
   * contributed: what {@code GET /api/articles/{id}?explain=true} shows.
   */
  public List<TopicExplanation> explain(String title, String text) {
    AnalyzedText analyzed = analyzer.analyze(title, text);
    TermCounts terms = TermCounts.of(analyzed);
    List<TopicMatcher.Match> matches = matcher.find(analyzed);
    Map<Integer, java.util.OptionalDouble> fromExamples = new HashMap<>();
    for (int i = 0; i < taxonomy.topics().size(); i++) {
      fromExamples.put(i, examples.score(taxonomy.topics().get(i).slug(), terms, corpus));
    }
    return explainer.explain(
        new TopicExplainer.Inputs(
            analyzed,
            matches,
            inContext(analyzed, matches),
            topicsOf(analyzed, terms),
            fromExamples));
  }

  /**
   * A sub-topic is a kind of its parent, so an article about it speaks of the parent too: the
   * parent, when it has words of its own, must have some evidence in the article (any score, below
   * its threshold included). "Treatment-resistant" weeds or mites, with no word of depression, are
   * no treatment-resistant depression.
   */
  private boolean parentSpokenOf(int index, Map<Integer, Double> scores) {
    Integer parent = parentOf(index);
    if (parent == null || !taxonomy.topics().get(parent).hasRules()) return true;
    return scores.getOrDefault(parent, 0.0) > 0;
  }

  /** The topic's parent's index, or null. */
  Integer parentOf(int index) {
    String parent = taxonomy.topics().get(index).parent();
    return parent == null ? null : indexBySlug.get(parent);
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
    return TopicExplainer.round(score);
  }
}
