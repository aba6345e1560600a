package dev.tributary.ingest;

import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.CorpusLedger;
import dev.tributary.topics.CorpusStats;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TermCounts;
import dev.tributary.topics.TopicModel;
import dev.tributary.topics.TopicTagger;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic model over the corpus statistics the store keeps: the steps of reading them into a
 * model, counting stored articles the statistics lack, and saving counts with a new watermark, in
 * one place. The server takes them over the event bus ({@link CorpusLoad}, {@link CorpusKeeper});
 * the commands ({@code tributary ingest}, {@code tributary retag}), which run without a server,
 * call the store directly through an instance ({@link #load}). Knows nothing of Vert.x. See
 * docs/ARCHITECTURE.md, "The topic model".
 */
public final class StoredCorpus {
  /**
   * Stems read per query: up to half a million (a few hundred thousand is a large corpus) in one,
   * at 12 bytes each, dropped once counted into the sketch.
   */
  static final int PAGE = 1 << 19;

  /** Articles read back from the store at a time. */
  static final int BATCH = 500;

  private final Store store;
  private final TopicModel model;

  private StoredCorpus(Store store, TopicModel model) {
    this.store = store;
    this.model = model;
  }

  /**
   * The model a server starting now would have: the taxonomy, the stored examples, and the stored
   * corpus statistics with the articles above their watermark counted (and saved, {@link #BATCH} at
   * a time), the examples weighed with the corpus's document frequencies.
   */
  public static StoredCorpus load(Store store, Taxonomy taxonomy) {
    TopicModel model = new TopicModel(taxonomy);
    ExampleTeacher.teach(model, store.examples().items());
    CorpusQuery query = new CorpusQuery(CorpusQuery.FIRST, PAGE);
    while (query != null) query = addPage(model, query, store.corpusTerms(query));
    StoredCorpus corpus = new StoredCorpus(store, model);
    corpus.save();
    model.corpusLoaded();
    return corpus;
  }

  public TopicModel model() {
    return model;
  }

  /** Counts a newly stored article, as the pipeline does; saved by the next {@link #save}. */
  public void countStored(long seq, TermCounts terms) {
    model.countStored(seq, terms);
  }

  /** Articles counted but not yet saved. */
  public int pending() {
    return model.ledger().pending();
  }

  /**
   * Saves the counted articles' counts with the new watermark, reading back and counting first any
   * stored article above the watermark not counted yet (stored by another process, or before a
   * crash), {@link #BATCH} at a time; afterwards every stored article is counted and saved. Throws
   * {@link dev.tributary.store.StoreException} when the store refuses (another process moved the
   * watermark meanwhile).
   */
  public void save() {
    CorpusLedger ledger = model.ledger();
    while (true) {
      long from = ledger.countedThrough();
      List<Long> seqs =
          store.seqsAfter(new ReplayQuery(from, List.of(), ledger.maxPending() + BATCH)).seqs();
      if (seqs.isEmpty()) return;
      CorpusLedger.Prefix prefix = ledger.countedPrefix(seqs);
      if (prefix != null) {
        store.saveCorpus(delta(prefix));
        ledger.saved(prefix);
      }
      if (ledger.firstUncounted(seqs) < 0) continue;
      ReplayQuery next = new ReplayQuery(ledger.countedThrough(), List.of(), BATCH);
      if (countFromStore(model, store.storedAfter(next).items()) == 0) return;
    }
  }

  /**
   * Adds a page of the stored statistics to the model (the first also gives the number of articles
   * and the watermark); answers the query for the next page, null after the last.
   */
  static CorpusQuery addPage(TopicModel model, CorpusQuery query, CorpusPage page) {
    CorpusStats corpus = model.corpus();
    if (query.afterHash() == CorpusQuery.FIRST) {
      corpus.addDocuments(page.documents());
      model.ledger().startFrom(page.countedThrough());
    }
    corpus.addFrequencies(page.hashes(), page.frequencies());
    if (page.size() < query.limit()) return null;
    return new CorpusQuery(page.hashes()[page.size() - 1], query.limit());
  }

  /** Counts the stored articles not counted yet; answers how many it counted. */
  static int countFromStore(TopicModel model, List<StoredArticle> stored) {
    TopicTagger tagger = model.tagger();
    CorpusLedger ledger = model.ledger();
    int counted = 0;
    for (StoredArticle s : stored) {
      if (ledger.isCounted(s.seq())) continue;
      if (ledger.countFromStore(s.seq(), tagger.terms(s.article().title(), s.article().text())))
        counted++;
    }
    return counted;
  }

  /** What the store adds for a prefix of counted articles. */
  static CorpusDelta delta(CorpusLedger.Prefix prefix) {
    List<CorpusDelta.Term> terms = new ArrayList<>(prefix.df().size());
    prefix
        .df()
        .forEach((stem, df) -> terms.add(new CorpusDelta.Term(stem, CorpusStats.hash(stem), df)));
    return new CorpusDelta(prefix.fromSeq(), prefix.throughSeq(), prefix.documents(), terms);
  }
}
