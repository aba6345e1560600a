package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EnumerationsTest {
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
          Enumerations.isListSeparator(text, 1, text.length() - 1),
          () -> "\"" + gap + "\"");
    }
  }
}
