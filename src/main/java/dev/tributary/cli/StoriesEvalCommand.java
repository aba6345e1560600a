package dev.tributary.cli;

import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.store.Store;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.LabelledStories;
import dev.tributary.stories.PairwiseScore;
import dev.tributary.stories.Shingles;
import dev.tributary.stories.StoryRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tributary stories eval DIR}: ingests a folder labelled by story ({@link LabelledStories})
 * into a fresh SQLite store in a temporary folder — extracted as any article is, one at a time in
 * name order, grouped by the configured {@code stories.*} — and prints pairwise precision and
 * recall over all pairs of items ({@link PairwiseScore}), with every pair it merged wrongly or
 * missed and their containment.
 */
public final class StoriesEvalCommand {
  private final StoryRules rules;
  private final PrintStream out;

  public StoriesEvalCommand(StoryRules rules, PrintStream out) {
    this.rules = rules;
    this.out = out;
  }

  /** The score; the store it used is deleted afterwards. */
  public PairwiseScore run(Path dir) throws IOException {
    List<LabelledStories.Item> items = LabelledStories.load(dir);
    Path data = Files.createTempDirectory("tributary-stories-eval");
    Map<String, String> labels = new HashMap<>();
    Map<String, String> stories = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    try (Store store = SqliteStore.open(data, rules)) {
      ArticlePipeline pipeline = ArticlePipeline.over(null); // extraction only: no tagging
      Map<String, String> ids = new HashMap<>();
      for (LabelledStories.Item item : items) {
        var stored = store.put(pipeline.extract(document(item))).article();
        labels.put(item.file(), item.label());
        ids.put(item.file(), stored.id());
        texts.put(item.file(), stored.text());
      }
      // read back once all are in: a later article may have merged earlier ones' stories
      for (var item : ids.entrySet()) {
        stories.put(item.getKey(), store.get(item.getValue()).orElseThrow().storyId());
      }
    } catch (ExtractionException e) {
      throw new IllegalArgumentException("an item has no readable text: " + e.getMessage(), e);
    } finally {
      deleteTree(data);
    }
    PairwiseScore score = PairwiseScore.of(labels, stories);
    out.print(format(score, rules, texts));
    return score;
  }

  /** The item as a source would send it: its title and body, from its source, at its URL. */
  static RawDocument document(LabelledStories.Item item) {
    return new RawDocument(
        item.file(),
        Format.TEXT,
        item.title() + "\n\n" + item.body(),
        new SourceRef(item.source(), item.source()),
        item.title(),
        item.url(),
        null,
        null,
        null,
        List.of());
  }

  static String format(PairwiseScore s, StoryRules rules, Map<String, String> texts) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "items %d, pairs %d (threshold %.2f)%n"
                + "pairs in one story: labelled %d, grouped %d, both %d%n"
                + "precision %.3f  recall %.3f  F1 %.3f%n",
            s.items(),
            s.pairs(),
            rules.threshold(),
            s.actual(),
            s.predicted(),
            s.correct(),
            s.precision(),
            s.recall(),
            s.f1()));
    appendPairs(text, "grouped but labelled apart", s.falseMerges(), texts);
    appendPairs(text, "labelled together but apart", s.misses(), texts);
    return text.toString();
  }

  private static void appendPairs(
      StringBuilder text, String what, List<PairwiseScore.Pair> pairs, Map<String, String> texts) {
    if (pairs.isEmpty()) return;
    text.append(String.format("%n%s (%d):%n", what, pairs.size()));
    for (PairwiseScore.Pair p : pairs) {
      double contained =
          Shingles.containment(
              Shingles.of(texts.get(p.first())), Shingles.of(texts.get(p.second())));
      text.append(
          String.format(
              Locale.ROOT, "  %s %s  containment %.2f%n", p.first(), p.second(), contained));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
