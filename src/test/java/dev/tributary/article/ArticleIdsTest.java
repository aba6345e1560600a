package dev.tributary.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  /**
   * Letters, digits, punctuation, spaces, accents, CJK, emoji, a lone surrogate, Roman numerals.
   */
  private static final String ALPHABET =
      "aZ09 .,;-_\t\n\u00e9\u00c9\u0301\u00a0\u2167\u00b2\u4e2d\u3000\u02b0\ud83d\ude00\ud800#'";

  @Test
  void wordsAreTheRunsOfLettersAndDigitsTheRegexFinds() {
    Random random = new Random(7);
    for (int n = 0; n < 5000; n++) {
      String s = randomText(random);
      assertEquals(s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip(), ArticleIds.words(s), s);
    }
  }

  @Test
  void theTextNormalisedOnceGivesTheSameKeysAsNormalisingItTwice() {
    Random random = new Random(13);
    String greek = "\u03a3\u039f\u03a3 \u03a3"; // capital sigmas: final or not by their neighbours
    for (int n = 0; n < 5000; n++) {
      String title = n % 7 == 0 ? greek : n % 11 == 0 ? "" : randomText(random);
      String text = n % 5 == 0 ? "\u0301" + randomText(random) : randomText(random);
      ArticleIds.NormalText normal = ArticleIds.NormalText.of(text);
      assertEquals(
          ArticleIds.forText(title + "\n" + text), normal.textId(title), title + "|" + text);
      assertEquals(ArticleIds.contentHash(text), normal.contentHash(), text);
    }
  }

  @Test
  void hasMoreWordsThanCountsTheWordsThatWordsKeeps() {
    Random random = new Random(11);
    for (int n = 0; n < 5000; n++) {
      String s = randomText(random);
      String words = ArticleIds.words(s);
      int count = words.isEmpty() ? 0 : words.split(" ").length;
      for (int limit = 0; limit <= count + 1; limit++) {
        assertEquals(count > limit, ArticleIds.hasMoreWordsThan(s, limit), s + " / " + limit);
      }
    }
  }

  @Test
  void rewrappedAndRecasedCopiesHaveTheSameContentHash() {
    assertEquals(
        ArticleIds.contentHash("Ketamine, in a nasal spray —\nworks fast."),
        ArticleIds.contentHash("  ketamine in a NASAL spray works   fast"));
  }

  /** Up to 29 characters drawn from {@link #ALPHABET}. */
  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++)
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return text.toString();
  }
}
