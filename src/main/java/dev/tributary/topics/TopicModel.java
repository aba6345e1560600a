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
 * <p>At start-up the stored articles are counted in the background while new ones keep arriving.
 * Each is counted once: the load counts those up to the newest sequence number stored when it began
 * ({@link #loadCorpusThrough}), the pipeline those above it.
 */
public final class TopicModel {
  private final CorpusStats corpus = new CorpusStats();
  private final Map<String, List<TermCounts>> examples = new HashMap<>();
  private Taxonomy taxonomy;
  private volatile TopicTagger tagger;

  /** The start-up load counts stored articles up to this sequence number; live ones count above. */
  private long loadThrough = -1;

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

  /** Sets the start-up load's bound: the newest sequence number stored before it began. */
  public void loadCorpusThrough(long lastSeq) {
    loadThrough = lastSeq;
  }

  /**
   * Counts an article the start-up load read; false (and not counted) when it is beyond the load's
   * bound, where {@link #countStored} counts it.
   */
  public boolean countLoaded(long seq, TermCounts terms) {
    if (seq > loadThrough) return false;
    corpus.add(terms);
    return true;
  }

  /** Counts a newly stored article unless the start-up load counts it. */
  public void countStored(long seq, TermCounts terms) {
    if (seq > loadThrough) corpus.add(terms);
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
