package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StorySketchTest {
  /** n made-up words that no other seed repeats four in a row. */
  static String words(int seed, int n) {
    Random random = new Random(seed);
    return IntStream.range(0, n)
        .mapToObj(i -> "w" + random.nextInt(100_000))
        .collect(Collectors.joining(" "));
  }

  static int sharedBands(StorySketch a, StorySketch b, int from, int to) {
    int shared = 0;
    for (int i = from; i < to; i++) if (a.bandKeys()[i] == b.bandKeys()[i]) shared++;
    return shared;
  }

  @Test
  void aSketchHasTheBandsOfTheWholeTextAndOfItsLead() {
    StorySketch s = StorySketch.of(words(1, 300));
    assertEquals(StorySketch.BANDS + StorySketch.LEAD_BANDS, s.bandKeys().length);
    assertTrue(s.isComparable());
    assertArrayEquals(s.bandKeys(), StorySketch.of(words(1, 300)).bandKeys(), "deterministic");
  }

  @Test
  void aCopyCutToItsFirstSixtyPercentSharesEveryLeadBand() {
    String text = words(2, 400);
    String cut = text.substring(0, text.indexOf(' ', (int) (text.length() * 0.6)));
    StorySketch original = StorySketch.of(text);
    StorySketch copy = StorySketch.of(cut);
    int total = StorySketch.BANDS + StorySketch.LEAD_BANDS;
    assertEquals(StorySketch.LEAD_BANDS, sharedBands(original, copy, StorySketch.BANDS, total));
    assertTrue(sharedBands(original, copy, 0, StorySketch.BANDS) > 0);
  }

  @Test
  void unrelatedTextsShareNoBand() {
    int total = StorySketch.BANDS + StorySketch.LEAD_BANDS;
    for (int seed = 10; seed < 30; seed++) {
      StorySketch a = StorySketch.of(words(seed, 300));
      StorySketch b = StorySketch.of(words(seed + 100, 300));
      assertEquals(0, sharedBands(a, b, 0, total), "seed " + seed);
    }
  }

  @Test
  void aTextTooShortToCompareHasShinglesButNoBands() {
    StorySketch s = StorySketch.of(words(3, StorySketch.MIN_SHINGLES + Shingles.WORDS - 2));
    assertEquals(StorySketch.MIN_SHINGLES - 1, s.shingles().length);
    assertFalse(s.isComparable());
    assertEquals(0, StorySketch.of("").bandKeys().length);
  }
}
