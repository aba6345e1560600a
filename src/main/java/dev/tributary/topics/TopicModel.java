package dev.tributary.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live topic model: the taxonomy, the examples taught so far and the corpus statistics, and the
 * {@link TopicTagger} built from them — rebuilt when the taxonomy is reloaded, an example is added,
 * or the start-up load of the corpus statistics completes. Used from one thread (the tagger
 * verticle's); {@link #tagger()} may be read from any.
 *
 * <p>The corpus statistics are kept in the store and read at start-up; {@link #countStored} counts
 * each newly stored article once, and the {@link CorpusLedger} tracks which counts are saved.
 */
public final class TopicModel {
  private final CorpusStats corpus = new CorpusStats();
  private final CorpusLedger ledger = new CorpusLedger(corpus);
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

  public CorpusLedger ledger() {
    return ledger;
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

  /**
   * Counts a newly stored article into the corpus statistics, once: the one entry point for the
   * pipeline, called after the store answered that the article is new.
   */
  public void countStored(long seq, TermCounts terms) {
    ledger.countStored(seq, terms);
  }

  /**
   * The start-up load is complete: rebuilds the tagger so the taught examples are weighed with the
   * corpus's document frequencies (before, every IDF was 1).
   */
  public void corpusLoaded() {
    rebuild();
  }

  public int examples(String slug) {
    return examples.getOrDefault(slug, List.of()).size();
  }

  private void rebuild() {
    tagger = new TopicTagger(taxonomy, ExampleModel.build(examples, corpus), corpus);
  }
}
