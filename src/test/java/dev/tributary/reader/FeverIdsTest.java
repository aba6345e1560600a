package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeverIdsTest {

  @Test
  void numbersArePositiveDistinctAndMapBack() {
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) sources.add("s" + Integer.toHexString(i * 7919));
    FeverIds ids = new FeverIds(sources, List.of("ketamine", "depression"));
    Set<Integer> seen = new HashSet<>();
    for (String s : sources) {
      int n = ids.feed(s);
      assertTrue(n > 0, s);
      assertTrue(seen.add(n), "distinct: " + s);
      assertEquals(s, ids.sourceOf(n));
    }
    assertEquals("depression", ids.topicOf(ids.group("depression")));
  }

  @Test
  void theSameIdGetsTheSameNumberWhateverElseIsListed() {
    FeverIds one = new FeverIds(List.of("inbox", "api:news"), List.of("ketamine"));
    FeverIds two = new FeverIds(List.of("a", "api:news", "z"), List.of("ptsd", "ketamine"));
    assertEquals(one.feed("api:news"), two.feed("api:news"));
    assertEquals(one.group("ketamine"), two.group("ketamine"));
  }

  @Test
  void unknownIdsAndNumbersAreZeroAndNull() {
    FeverIds ids = new FeverIds(List.of("inbox"), List.of());
    assertEquals(0, ids.feed("nowhere"));
    assertNull(ids.sourceOf(42));
    assertNull(ids.topicOf(0));
  }
}
