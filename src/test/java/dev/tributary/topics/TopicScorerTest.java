package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicScorerTest {
  @Test
  void aMatcherBuiltAfterTheAnalysisStillFindsItsWords() {
    TextAnalyzer analyzer = new TextAnalyzer();
    AnalyzedText text = analyzer.analyze("", "Patients with PTSD took zorbitamine.");
    Taxonomy taxonomy =
        new Taxonomy(
            1,
            List.of(
                new Topic(
                    "zorb",
                    "Zorb",
                    null,
                    List.of("zorbitamine"),
                    List.of(),
                    List.of("PTSD"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    0.1,
                    false)),
            List.of());
    TopicMatcher matcher = new TopicMatcher(taxonomy, analyzer);
    assertEquals(2, matcher.find(text).size());
    assertEquals(
        2, matcher.find(analyzer.analyze("", "Patients with PTSD took zorbitamine.")).size());
    assertEquals(2, new TopicMatcher(taxonomy, new TextAnalyzer()).find(text).size());
  }
}
