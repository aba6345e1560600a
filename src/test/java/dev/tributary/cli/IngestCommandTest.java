package dev.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.article.Format;
import dev.tributary.article.SourceRef;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.ExampleTeacher;
import dev.tributary.ingest.StoredCorpus;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.store.sqlite.StoreLimits;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomySource;
import dev.tributary.topics.TopicModel;
import dev.tributary.topics.TopicTagger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path dir;
  Path files;
  Taxonomy taxonomy;

  /** The five samples, a copy of the first under another name, an empty file, and one refused. */
  @BeforeEach
  void files() throws Exception {
    files = Files.createDirectories(dir.resolve("in"));
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path s : samples.toList()) Files.copy(s, files.resolve(s.getFileName()));
    }
    Files.copy(Path.of("samples/articles/000_4df5721ed5792e6c.txt"), files.resolve("005_copy.txt"));
    Files.writeString(files.resolve("006_empty.txt"), "");
    Files.writeString(
        files.resolve("007_poison.txt"),
        "A poison title\n\nA text the store refuses, and only this one.");
    taxonomy = TaxonomySource.load(TaxonomySource.DEFAULT_FILE);
  }

  /** A run with this batch size on a fresh store: its output, and the size of each putBatch. */
  private record Run(String output, IngestCommand.Summary summary, List<Integer> putSizes) {}

  private Run run(String name, int batchSize) throws Exception {
    return run(name, batchSize, IngestCommand.BATCH_BYTES);
  }

  private Run run(String name, int batchSize, long batchBytes) throws Exception {
    Path data = dir.resolve(name);
    try (SqliteStore store = SqliteStore.open(data)) {
      StoreLimits.refuseTitlesContaining(data, "poison");
      List<Integer> putSizes = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IngestCommand.Summary summary =
          new IngestCommand(
                  taxonomy,
                  counting(store, putSizes),
                  1 << 20,
                  new PrintStream(out, true),
                  batchSize,
                  batchBytes,
                  3)
              .run(List.of(files));
      return new Run(out.toString(), summary, putSizes);
    }
  }

  /** The store, with the size of every putBatch call recorded. */
  private static Store counting(Store store, List<Integer> putSizes) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              if (method.getName().equals("putBatch")) putSizes.add(((List<?>) args[0]).size());
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void storesAllTheArticlesOfAFolderInOneTransactionAndCountsEachOutcome() throws Exception {
    Run run = run("batched", IngestCommand.BATCH);

    assertEquals(new IngestCommand.Summary(5, 1, 2), run.summary());
    assertEquals(List.of(7), run.putSizes(), "one putBatch for the 7 articles read");
    String out = run.output();
    assertTrue(out.contains("[6/8] " + files.resolve("005_copy.txt") + ": duplicate of "), out);
    assertTrue(out.contains("[7/8] " + files.resolve("006_empty.txt") + ": failed: "), out);
    assertTrue(out.contains("[8/8] " + files.resolve("007_poison.txt") + ": failed: "), out);
    assertTrue(out.contains("refused by the test"), out);
    assertTrue(out.endsWith("ingested 5, duplicates 1, failed 2" + System.lineSeparator()), out);
  }

  @Test
  void batchesOfAnySizePrintTheSameLinesAndSummaryAsOneArticlePerTransaction() throws Exception {
    Run single = run("single", 1);
    Run threes = run("threes", 3);

    assertEquals(List.of(1, 1, 1, 1, 1, 1, 1), single.putSizes());
    assertEquals(List.of(3, 3, 1), threes.putSizes(), "files 1-3, 4-6, then 7-8 (7 is empty)");
    assertEquals(single.output(), threes.output());
    assertEquals(new IngestCommand.Summary(5, 1, 2), threes.summary());
  }

  @Test
  void largeFilesMakeSmallerBatchesWithTheSameLinesAndSummary() throws Exception {
    Run single = run("single", 1);
    Run bounded = run("bounded", IngestCommand.BATCH, 1);

    assertEquals(List.of(1, 1, 1, 1, 1, 1, 1), bounded.putSizes(), "each file is over 1 byte");
    assertEquals(single.output(), bounded.output());
  }

  @Test
  void savesTheCountsOfEveryNewArticleWithTheLastStoredSeqAsWatermark() throws Exception {
    run("counted", 3);

    try (SqliteStore store = SqliteStore.open(dir.resolve("counted"))) {
      List<StoredArticle> stored = storedArticles(store);
      CorpusPage state = store.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 1));
      assertEquals(5, stored.size());
      assertEquals(stored.get(stored.size() - 1).seq(), state.countedThrough(), "the watermark");
      assertEquals(5, state.documents(), "each new article counted once, duplicates not");
      assertSameStatistics(stored, StoredCorpus.load(store, taxonomy).model());
    }
  }

  @Test
  void countsAndSavesArticlesStoredWithoutCountsBeforeItsOwn() throws Exception {
    Path data = dir.resolve("uncounted");
    Path first = Path.of("samples/articles/000_4df5721ed5792e6c.txt");
    try (SqliteStore store = SqliteStore.open(data)) {
      store.put(ArticlePipeline.over(new TopicTagger(taxonomy)).process(sample(first)).article());
      assertEquals(0, store.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 1)).documents());

      ingest(store, Path.of("samples/articles"));

      List<StoredArticle> stored = storedArticles(store);
      CorpusPage state = store.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 1));
      assertEquals(5, stored.size(), "the first sample was there already");
      assertEquals(5, state.documents());
      assertEquals(stored.get(4).seq(), state.countedThrough());
      assertSameStatistics(stored, StoredCorpus.load(store, taxonomy).model());
    }
  }

  /** Texts taught as examples of anxiety: worry, panic, and one of the samples' words. */
  static final List<TopicExample> EXAMPLES =
      Stream.of(
              "Patients describe worry, racing thoughts and panic at night, and ketamine.",
              "The clinic sees patients with panic, dread and constant worry every week.")
          .map(text -> new TopicExample("anxiety", "", text, null))
          .toList();

  @Test
  void tagsWithTheStoredExamplesAndCorpusStatisticsAsAServerWould() throws Exception {
    Path last = Path.of("samples/articles/004_cd82d94d1cd90539.txt");
    Path earlier = Files.createDirectories(dir.resolve("earlier"));
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path s : samples.toList()) {
        if (!s.equals(last)) Files.copy(s, earlier.resolve(s.getFileName()));
      }
    }
    try (SqliteStore store = SqliteStore.open(dir.resolve("taught"))) {
      ingest(store, earlier);
      store.addExamples(new TopicExamples(EXAMPLES));

      ingest(store, last);

      // A server's model over this store: the four earlier articles counted, the examples taught,
      // then weighed with the corpus (as TaggerVerticleTest shows the tagger's is).
      TopicModel server = new TopicModel(taxonomy);
      List<StoredArticle> stored = storedArticles(store);
      for (StoredArticle s : stored.subList(0, 4)) {
        server.corpus().add(server.tagger().terms(s.article().title(), s.article().text()));
      }
      ExampleTeacher.teach(server, EXAMPLES);
      server.corpusLoaded();
      Article want = ArticlePipeline.over(server.tagger()).process(sample(last)).article();
      Article bare =
          ArticlePipeline.over(new TopicTagger(taxonomy)).process(sample(last)).article();
      Article got = stored.get(4).article();

      assertEquals(want.topics(), got.topics());
      assertEquals(want.tags(), got.tags(), "keyphrases ranked with the stored frequencies");
      assertNotEquals(
          List.of(bare.topics(), bare.tags()),
          List.of(got.topics(), got.tags()),
          "a tagger without the stored statistics and examples tags it otherwise");
    }
  }

  private void ingest(Store store, Path path) throws Exception {
    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
    new IngestCommand(taxonomy, store, 1 << 20, quiet, 2).run(List.of(path));
  }

  private static dev.tributary.article.RawDocument sample(Path file) throws Exception {
    String name = file.getFileName().toString();
    return ArticlePipeline.decode(
        name, Format.TEXT, Files.readAllBytes(file), 1 << 20, SourceRef.INBOX);
  }

  private static List<StoredArticle> storedArticles(Store store) {
    return store.storedAfter(new ReplayQuery(0, List.of(), 100)).items();
  }

  /** The model's corpus statistics are those of counting each stored article once. */
  private void assertSameStatistics(List<StoredArticle> stored, TopicModel model) {
    TopicModel expected = new TopicModel(taxonomy);
    for (StoredArticle s : stored) {
      expected.corpus().add(expected.tagger().terms(s.article().title(), s.article().text()));
    }
    assertEquals(stored.size(), model.corpus().documents(), "articles counted");
    for (StoredArticle s : stored) {
      for (String stem : expected.tagger().terms(s.article().title(), s.article().text()).terms()) {
        assertEquals(expected.corpus().idf(stem), model.corpus().idf(stem), "the IDF of " + stem);
      }
    }
  }
}
