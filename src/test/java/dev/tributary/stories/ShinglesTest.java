package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.stories.LabelledStories.Item;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  static final String TEXT =
      "The fire had burned roughly 8,400 acres by Saturday evening and was 5 percent contained."
          + " Officials said at least 12 structures had been destroyed, most of them barns and"
          + " outbuildings on ranch land east of Route 9. Forecasters expect winds to ease"
          + " overnight, but humidity is forecast to stay below 10 percent through Monday.";

  @Test
  void aTextHasOneShinglePerRunOfFourWordsSortedWithoutRepeats() {
    long[] s = Shingles.of("a b c d e a b c d");
    assertEquals(5, s.length, "abcd bcde cdea deab (eabc) abcd again");
    long[] sorted = s.clone();
    Arrays.sort(sorted);
    assertTrue(Arrays.equals(sorted, s));
    assertEquals(0, Shingles.of("three words only").length);
  }

  @Test
  void aCopyCutShortIsContainedWholeInItsOriginal() {
    String cut = TEXT.substring(0, TEXT.indexOf(" Forecasters"));
    assertEquals(1.0, Shingles.containment(Shingles.of(cut), Shingles.of(TEXT)));
    assertEquals(1.0, Shingles.containment(Shingles.of(TEXT), Shingles.of(cut)), "either way");
  }

  @Test
  void aChangedWordCostsTheFourShinglesThatHoldIt() {
    long[] original = Shingles.of(TEXT);
    long[] edited = Shingles.of(TEXT.replace("roughly", "about"));
    assertEquals(original.length - 4, Shingles.shared(original, edited));
  }

  @Test
  void nothingSharedIsZeroAndAnEmptySideIsZero() {
    assertEquals(0.0, Shingles.containment(Shingles.of(TEXT), Shingles.of("one two three four")));
    assertEquals(0.0, Shingles.containment(new long[0], Shingles.of(TEXT)));
  }

  @Test
  void twoReportsOfOneTrialInTheirOwnWordsShareLittle() throws Exception {
    List<Item> items = LabelledStories.load(Path.of("src/test/resources/stories"));
    String a = body(items, "trial-a");
    String b = body(items, "trial-b");
    double contained = Shingles.containment(Shingles.of(a), Shingles.of(b));
    assertTrue(contained > 0, "they share a quotation and names");
    assertTrue(contained < 0.2, "but far less than a copy: " + contained);
  }

  private static String body(List<Item> items, String label) {
    return items.stream().filter(i -> i.label().equals(label)).findFirst().orElseThrow().body();
  }
}
