package dev.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.store.Store;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.store.sqlite.StoreLimits;
import dev.tributary.topics.TaxonomySource;
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
  TopicTagger tagger;

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
    tagger = new TopicTagger(TaxonomySource.load(TaxonomySource.DEFAULT_FILE));
  }

  /** A run with this batch size on a fresh store: its output, and the size of each putAll. */
  private record Run(String output, IngestCommand.Summary summary, List<Integer> putSizes) {}

  private Run run(String name, int batchSize) throws Exception {
    return run(name, batchSize, IngestCommand.BATCH_CHARS);
  }

  private Run run(String name, int batchSize, long batchChars) throws Exception {
    Path data = dir.resolve(name);
    try (SqliteStore store = SqliteStore.open(data)) {
      StoreLimits.refuseTitlesContaining(data, "poison");
      List<Integer> putSizes = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IngestCommand.Summary summary =
          new IngestCommand(
                  tagger,
                  counting(store, putSizes),
                  1 << 20,
                  new PrintStream(out, true),
                  batchSize,
                  batchChars)
              .run(List.of(files));
      return new Run(out.toString(), summary, putSizes);
    }
  }

  /** The store, with the size of every putAll call recorded. */
  private static Store counting(Store store, List<Integer> putSizes) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              if (method.getName().equals("putAll")) putSizes.add(((List<?>) args[0]).size());
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
    assertEquals(List.of(7), run.putSizes(), "one putAll for the 7 articles read");
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

    assertEquals(List.of(1, 1, 1, 1, 1, 1, 1), bounded.putSizes(), "each article is over 1 char");
    assertEquals(single.output(), bounded.output());
  }
}
