package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tributary.article.ArticleTopic;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tagger reproduces hand labels for the five sample articles (labels in test resources). */
class SampleArticlesTest {
  private static final Path SAMPLES = Path.of("samples/articles");
  private static final TopicTagger TAGGER = TopicTagger.load(TaxonomyTest.SHIPPED);
  private static final JsonObject LABELS = labels();

  static Stream<String> samples() {
    return LABELS.fieldNames().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void reproducesTheHandLabels(String file) throws IOException {
    Set<String> expected = new TreeSet<>(LABELS.getJsonArray(file).getList());
    assertEquals(expected, slugs(tagSample(file)), file);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void leavesOutTopicsMentionedOnlyInPassing(String file) throws IOException {
    Set<String> slugs = slugs(tagSample(file));
    for (String unrelated : List.of("anesthesia", "recreational-use", "ocd", "bipolar-disorder")) {
      assertFalse(slugs.contains(unrelated), file + " got " + unrelated);
    }
  }

  private static List<ArticleTopic> tagSample(String file) throws IOException {
    String content = Files.readString(SAMPLES.resolve(file));
    if (file.startsWith("002_")) {
      // This article has no title line; its first sentence stands in for one.
      return TAGGER.tag(content.substring(0, content.indexOf('.') + 1), content);
    }
    int lineEnd = content.indexOf('\n');
    return TAGGER.tag(content.substring(0, lineEnd), content.substring(lineEnd + 1));
  }

  private static Set<String> slugs(List<ArticleTopic> topics) {
    return topics.stream().map(ArticleTopic::slug).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonObject labels() {
    try (InputStream in =
        SampleArticlesTest.class.getResourceAsStream("/topics/sample-labels.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
