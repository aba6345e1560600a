package dev.tributary.ingest;

import dev.tributary.bus.Codecs;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.StoreVerticle;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.topics.CorpusStats;
import dev.tributary.topics.TaxonomySource;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: fills the corpus statistics of {@code ARTICLES} articles' worth of stems ({@code
 * STEMS} distinct stems, Zipf-like document frequencies) into a fresh store, then times the
 * tagger's start-up load of them over the event bus, as a restart does. Run by
 * bench/corpus-load.sh.
 */
public final class CorpusLoadBench {
  private CorpusLoadBench() {}

  public static void main(String[] args) throws Exception {
    int stems = Integer.parseInt(System.getenv().getOrDefault("STEMS", "300000"));
    long articles = Long.parseLong(System.getenv().getOrDefault("ARTICLES", "1000000"));
    Path dir = Files.createTempDirectory("corpus-load-bench");
    fill(dir, stems, articles);
    System.out.printf("filled %,d stems for %,d articles in %s%n", stems, articles, dir);

    for (int run = 1; run <= 3; run++) {
      Vertx vertx = Vertx.vertx();
      try {
        Codecs.register(vertx);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        long opening = System.nanoTime();
        vertx
            .deployVerticle(
                new StoreVerticle(() -> SqliteStore.open(dir), new TributaryMetrics()), worker)
            .await(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        TaggerVerticle tagger =
            new TaggerVerticle(
                TaxonomySource.load(TaxonomySource.DEFAULT_FILE), TaxonomySource.DEFAULT_FILE);
        vertx.deployVerticle(tagger, worker).await(60, TimeUnit.SECONDS);
        long started = System.nanoTime();
        tagger.corpusLoad().await(60, TimeUnit.SECONDS);
        long end = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
            "run %d: store open %d ms, tagger deployed %d ms, corpus statistics loaded %d ms after"
                + " (%,d articles counted); heap after GC %d MB%n",
            run,
            (start - opening) / 1_000_000,
            (started - start) / 1_000_000,
            (end - start) / 1_000_000,
            tagger.model().corpus().documents(),
            (rt.totalMemory() - rt.freeMemory()) >> 20);
      } finally {
        vertx.close().await(60, TimeUnit.SECONDS);
      }
    }
    for (int run = 1; run <= 3; run++) {
      long t0 = System.nanoTime();
      List<CorpusPage> pages = new java.util.ArrayList<>();
      try (SqliteStore store = SqliteStore.open(dir)) {
        long after = CorpusQuery.FIRST;
        while (true) {
          CorpusPage page = store.corpusTerms(new CorpusQuery(after, StoredCorpus.PAGE));
          pages.add(page);
          if (page.size() < StoredCorpus.PAGE) break;
          after = page.hashes()[page.size() - 1];
        }
      }
      long t1 = System.nanoTime();
      CorpusStats sketch = new CorpusStats();
      for (CorpusPage page : pages) sketch.addFrequencies(page.hashes(), page.frequencies());
      long t2 = System.nanoTime();
      pages.clear();
      System.out.printf(
          "run %d, parts: store read %d ms, sketch filled %d ms%n",
          run, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
  }

  /** Stem k occurs in max(1, 0.3 x articles / k) articles; saved in deltas of 50,000 stems. */
  static void fill(Path dir, int stems, long articles) {
    try (SqliteStore store = SqliteStore.open(dir)) {
      long through = 0;
      List<CorpusDelta.Term> delta = new ArrayList<>();
      for (int k = 1; k <= stems; k++) {
        String stem = String.format("stem%07d", Integer.reverse(k) >>> 1);
        int df = (int) Math.max(1, 0.3 * articles / k);
        delta.add(new CorpusDelta.Term(stem, CorpusStats.hash(stem), df));
        if (delta.size() == 50_000 || k == stems) {
          long next = k == stems ? articles : through;
          int documents = k == stems ? (int) articles : 0;
          store.saveCorpus(new CorpusDelta(through, next, documents, delta));
          through = next;
          delta.clear();
        }
      }
    }
  }
}
