package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.cli.TopicsEvalCommand;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-labelled sets: the tagger must keep micro-F1 at 0.9 or better on each. */
class LabelledSetTest {
  static final Path LABELLED = Path.of("src/test/resources/topics/labelled");
  private static final double MIN_MICRO_F1 = 0.9;

  static final Path HELD_OUT = Path.of("src/test/resources/topics/heldout");

  static final Path SHORT = Path.of("src/test/resources/topics/short");

  @Test
  void taggerKeepsMicroF1AboveTheBar() throws IOException {
    assertMicroF1AboveTheBar(LABELLED);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheHeldOutSet() throws IOException {
    assertMicroF1AboveTheBar(HELD_OUT);
  }

  private static void assertMicroF1AboveTheBar(Path set) throws IOException {
    Taxonomy taxonomy = Taxonomy.load(TaxonomyTest.SHIPPED);
    Evaluation.Report report = LabelledSet.load(set).evaluate(new TopicTagger(taxonomy), taxonomy);
    String table = TopicsEvalCommand.format(report);
    System.out.println(table);
    assertTrue(
        report.microF1() >= MIN_MICRO_F1,
        "micro-F1 " + report.microF1() + " < " + MIN_MICRO_F1 + "\n" + table);
  }

  @Test
  void readsGroupsBesideTheLabelsOrDerivesOffDomainFromNoLabel(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Ketamine\n\nA ketamine clinic for patients.");
    Files.writeString(dir.resolve("b.txt"), "Rain\n\nA tropical depression.");
    Files.writeString(dir.resolve("labels.json"), "{\"a.txt\": [\"ketamine\"], \"b.txt\": []}");
    assertEquals(
        List.of("in-domain", "off-domain"),
        LabelledSet.load(dir).articles().stream().map(LabelledSet.LabelledArticle::group).toList());
    Files.writeString(
        dir.resolve("groups.json"), "{\"a.txt\": \"hard-negative\", \"b.txt\": \"off-domain\"}");
    assertEquals(
        List.of("hard-negative", "off-domain"),
        LabelledSet.load(dir).articles().stream().map(LabelledSet.LabelledArticle::group).toList());
    Files.writeString(dir.resolve("groups.json"), "{\"a.txt\": \"off-domain\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelledSet.load(dir));
    assertTrue(e.getMessage().contains("a.txt: off-domain but labelled"), e.getMessage());
  }

  @Test
  void findsTheSetsInAFolderOfSets() throws IOException {
    assertEquals(List.of(LABELLED), LabelledSet.setsUnder(LABELLED));
    assertEquals(List.of(HELD_OUT, LABELLED, SHORT), LabelledSet.setsUnder(LABELLED.getParent()));
  }

  @Test
  void holdsTheSampleArticlesUnchangedWithTheirLabels() throws IOException {
    JsonObject labels = new JsonObject(Files.readString(LABELLED.resolve("labels.json")));
    JsonObject sampleLabels =
        new JsonObject(Files.readString(Path.of("src/test/resources/topics/sample-labels.json")));
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path sample : samples.toList()) {
        String name = sample.getFileName().toString();
        assertArrayEquals(Files.readAllBytes(sample), Files.readAllBytes(LABELLED.resolve(name)));
        assertEquals(
            new HashSet<>(sampleLabels.getJsonArray(name).getList()),
            new HashSet<>(labels.getJsonArray(name).getList()),
            name);
      }
    }
  }

  @Test
  void labelsEveryArticleWithShippedSlugsOnly() throws IOException {
    Taxonomy taxonomy = Taxonomy.load(TaxonomyTest.SHIPPED);
    List<LabelledSet.LabelledArticle> articles = LabelledSet.load(LABELLED).articles();
    assertTrue(articles.size() >= 50, "articles: " + articles.size());
    for (LabelledSet.LabelledArticle article : articles) {
      for (String slug : article.labels()) {
        assertTrue(taxonomy.topic(slug).isPresent(), article.file() + ": " + slug);
      }
      Set<String> withParents = new Evaluation(taxonomy).withParents(article.labels());
      assertEquals(withParents, article.labels(), article.file() + " must list parents too");
    }
  }
}
