package dev.tributary.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live topic model: the taxonomy, the examples taught so far and the corpus statistics, and the
 * {@link TopicTagger} built from them — rebuilt when the taxonomy is reloaded or an example is
 * added. Used from one thread (the tagger verticle's); {@link #tagger()} may be read from any.
 */
public final class TopicModel {
  private final CorpusStats corpus = new CorpusStats();
  private final Map<String, List<TermCounts>> examples = new HashMap<>();
  private Taxonomy taxonomy;
  private volatile TopicTagger tagger;

  public TopicModel(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    rebuild();
  }

  public TopicTagger tagger() {
    return tagger;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public CorpusStats corpus() {
    return corpus;
  }

  public void replaceTaxonomy(Taxonomy newTaxonomy) {
    taxonomy = newTaxonomy;
    rebuild();
  }

  /** Teaches the topic with these texts (title, body pairs) and rebuilds the tagger once. */
  public void addExamples(String slug, List<String[]> titleAndText) {
    List<TermCounts> own = examples.computeIfAbsent(slug, s -> new ArrayList<>());
    for (String[] example : titleAndText) own.add(tagger.terms(example[0], example[1]));
    rebuild();
  }

  public int examples(String slug) {
    return examples.getOrDefault(slug, List.of()).size();
  }

  private void rebuild() {
    tagger = new TopicTagger(taxonomy, ExampleModel.build(examples, corpus), corpus);
  }
}
