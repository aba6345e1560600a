package dev.tributary.cli;

import dev.tributary.article.ArticleTopic;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.StoredCorpus;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicUpdates;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TopicModel;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tributary retag}: re-tags every stored article with the current taxonomy and taught
 * examples, weighed with the stored corpus statistics as the server's are ({@link StoredCorpus}:
 * articles the statistics lack are counted and saved first), without a server, with a progress line
 * per batch. Run it with the server stopped, or use {@code POST /api/topics/retag} on a running
 * one.
 */
public final class RetagCommand {
  static final int BATCH = 500;

  /** What a run did. */
  public record Summary(long articles, int changed) {}

  private final Store store;
  private final PrintStream out;

  public RetagCommand(Store store, PrintStream out) {
    this.store = store;
    this.out = out;
  }

  public Summary run(Taxonomy taxonomy) {
    long total = store.count();
    TopicModel model = StoredCorpus.load(store, taxonomy).model();
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
}
