package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicScorerTest {
  /** The regular expression the character-by-character check replaced. */
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile("[\\s()\\[\\]]*(,|/|;|\\band\\b|\\bor\\b|,\\s*(and|or)\\b)[\\s()\\[\\]]*");

  @Test
  void listSeparatorsAreWhatTheRegularExpressionMatched() {
    String[] pieces = {
      " ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "(", ")", "[", "]", ",", "/", ";", "and",
      "or", "And", "OR", "a", "o", "n", "d", "r", "x", "_", "1", "-", ".", "é"
    };
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder gap = new StringBuilder();
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) gap.append(pieces[random.nextInt(pieces.length)]);
      String text = "x" + gap + "y";
      assertEquals(
          LIST_SEPARATOR.matcher(gap).matches(),
          TopicScorer.isListSeparator(text, 1, text.length() - 1),
          () -> "\"" + gap + "\"");
    }
  }

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
                    0.1)),
            List.of());
    TopicMatcher matcher = new TopicMatcher(taxonomy, analyzer);
    assertEquals(2, matcher.find(text).size());
    assertEquals(
        2, matcher.find(analyzer.analyze("", "Patients with PTSD took zorbitamine.")).size());
    assertEquals(2, new TopicMatcher(taxonomy, new TextAnalyzer()).find(text).size());
  }
}
