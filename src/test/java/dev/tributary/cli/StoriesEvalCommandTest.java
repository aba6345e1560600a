package dev.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.stories.LabelledStories;
import dev.tributary.stories.PairwiseScore;
import dev.tributary.stories.StoryRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary stories eval} on the labelled dev set (src/test/resources/stories: syndicated
 * copies cut short, with a paragraph left out, new headlines, attribution lines and light edits;
 * independent reports of one event; two articles on one subject; single articles), through a real
 * SQLite store with the default rules.
 */
class StoriesEvalCommandTest {
  static final Path DEV_SET = Path.of("src/test/resources/stories");

  @TempDir Path dir;

  @Test
  void theDevSetIsGroupedWithPairwisePrecisionAtLeast098AndRecallAtLeast095() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PairwiseScore score =
        new StoriesEvalCommand(StoryRules.DEFAULT, new PrintStream(printed, true, "UTF-8"))
            .run(DEV_SET);
    String report = printed.toString(StandardCharsets.UTF_8);

    assertTrue(score.precision() >= 0.98, report);
    assertTrue(score.recall() >= 0.95, report);
    assertTrue(report.contains("precision"), report);
  }

  @Test
  void theDevSetHoldsWhatTheIssueAsksFor() throws Exception {
    List<LabelledStories.Item> items = LabelledStories.load(DEV_SET);
    Map<String, Long> copies =
        items.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    LabelledStories.Item::label, java.util.stream.Collectors.counting()));
    long storiesWithCopies = copies.values().stream().filter(n -> n >= 2 && n <= 3).count();
    assertTrue(storiesWithCopies >= 15, "stories with 2-3 copies: " + storiesWithCopies);
    for (String independent : List.of("trial", "quake", "layoffs", "election", "match")) {
      assertEquals(1, copies.get(independent + "-a"), independent);
      assertEquals(1, copies.get(independent + "-b"), independent);
    }
  }

  @Test
  void independentReportsOfOneEventStayApart() throws Exception {
    PairwiseScore score =
        new StoriesEvalCommand(StoryRules.DEFAULT, new PrintStream(new ByteArrayOutputStream()))
            .run(DEV_SET);
    assertEquals(List.of(), score.falseMerges());
  }

  @Test
  void printsTheMergesAndMissesWithTheirContainment() throws Exception {
    Path set = dir.resolve("set");
    Files.createDirectories(set.resolve("items"));
    String body =
        "The harbor authority approved a plan on Monday to dredge the north channel so that larger"
            + " cargo ships can dock, a project expected to cost 120 million dollars and to take"
            + " three years. Fishing groups warned that the work would disturb spawning grounds.";
    Files.writeString(
        set.resolve("items/001.txt"), "source: A\nurl: https://a.example/1\nT\n\n" + body);
    Files.writeString(
        set.resolve("items/002.txt"),
        "source: B\nurl: https://b.example/1\nT\n\n" + body + " More.");
    Files.writeString(
        set.resolve("labels.json"), "{\"001.txt\": \"one\", \"items/002.txt\": \"two\"}");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    PairwiseScore score =
        new StoriesEvalCommand(StoryRules.DEFAULT, new PrintStream(printed, true, "UTF-8"))
            .run(set);

    assertEquals(List.of(new PairwiseScore.Pair("001.txt", "002.txt")), score.falseMerges());
    String report = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("grouped but labelled apart (1):"), report);
    assertTrue(report.contains("001.txt 002.txt  containment 1.00"), report);
    assertTrue(report.contains("precision 0.000"), report);
  }
}
