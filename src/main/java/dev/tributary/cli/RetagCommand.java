package dev.tributary.cli;

import dev.tributary.article.ArticleTopic;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.ExampleTeacher;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicUpdates;
import dev.tributary.topics.CorpusStats;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TopicModel;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code tributary retag}: re-tags every stored article with the current taxonomy and taught
 * examples, without a server, with a progress line per batch. Run it with the server stopped, or
 * use {@code POST /api/topics/retag} on a running one.
 */
public final class RetagCommand {
  static final int BATCH = 500;
  static final int CORPUS_PAGE = 100_000;

  /** What a run did. */
  public record Summary(long articles, int changed) {}

  private final Store store;
  private final PrintStream out;

  public RetagCommand(Store store, PrintStream out) {
    this.store = store;
    this.out = out;
  }

  public Summary run(Taxonomy taxonomy) {
    TopicModel model = new TopicModel(taxonomy);
    long total = store.count();
    loadCorpus(model);
    ExampleTeacher.teach(model, store.examples().items());
    ArticlePipeline pipeline = ArticlePipeline.over(model.tagger());
    long[] seen = {0};
    int[] changed = {0};
    long after = -1;
    while (true) {
      List<StoredArticle> batch =
          store.storedAfter(new ReplayQuery(after, List.of(), BATCH)).items();
      if (batch.isEmpty()) break;
      Map<String, List<ArticleTopic>> updates = new HashMap<>();
      for (StoredArticle s : batch) updates.put(s.article().id(), pipeline.topicsOf(s.article()));
      changed[0] += store.replaceTopics(new TopicUpdates(updates));
      seen[0] += batch.size();
      out.println("re-tagged " + seen[0] + "/" + total + " (" + changed[0] + " changed)");
      after = batch.get(batch.size() - 1).seq();
    }
    out.println("re-tagged " + seen[0] + " articles, " + changed[0] + " with new topics");
    return new Summary(seen[0], changed[0]);
  }

  /**
   * The stored corpus statistics, plus the articles above their watermark (stored while no server
   * counted them), counted here and not saved: saving is the server's.
   */
  private void loadCorpus(TopicModel model) {
    CorpusStats corpus = model.corpus();
    long afterHash = CorpusQuery.FIRST;
    long watermark = -1;
    while (true) {
      CorpusPage page = store.corpusTerms(new CorpusQuery(afterHash, CORPUS_PAGE));
      if (watermark < 0) {
        corpus.addDocuments(page.documents());
        watermark = page.countedThrough();
      }
      corpus.addFrequencies(page.hashes(), page.frequencies());
      if (page.size() < CORPUS_PAGE) break;
      afterHash = page.hashes()[CORPUS_PAGE - 1];
    }
    forEachStored(
        watermark, s -> corpus.add(model.tagger().terms(s.article().title(), s.article().text())));
  }

  private void forEachStored(long watermark, Consumer<StoredArticle> action) {
    long after = watermark;
    while (true) {
      List<StoredArticle> batch =
          store.storedAfter(new ReplayQuery(after, List.of(), BATCH)).items();
      if (batch.isEmpty()) return;
      batch.forEach(action);
      after = batch.get(batch.size() - 1).seq();
    }
  }
}
