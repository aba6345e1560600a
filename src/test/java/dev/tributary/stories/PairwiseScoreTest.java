package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairwiseScoreTest {
  @Test
  void countsEveryPairOnceAndNamesTheWrongOnes() {
    Map<String, String> labels = Map.of("1", "x", "2", "x", "3", "x", "4", "y", "5", "z");
    Map<String, String> stories = Map.of("1", "s", "2", "s", "3", "t", "4", "t", "5", "u");

    PairwiseScore score = PairwiseScore.of(labels, stories);

    assertEquals(10, score.pairs());
    assertEquals(3, score.actual(), "1-2, 1-3, 2-3");
    assertEquals(2, score.predicted(), "1-2, 3-4");
    assertEquals(1, score.correct());
    assertEquals(0.5, score.precision());
    assertEquals(1 / 3.0, score.recall(), 1e-9);
    assertEquals(List.of(new PairwiseScore.Pair("3", "4")), score.falseMerges());
    assertEquals(
        List.of(new PairwiseScore.Pair("1", "3"), new PairwiseScore.Pair("2", "3")),
        score.misses());
  }

  @Test
  void nothingPredictedOrNothingLabelledTogetherScoresOne() {
    PairwiseScore score = PairwiseScore.of(Map.of("1", "x", "2", "y"), Map.of("1", "a", "2", "b"));
    assertEquals(1.0, score.precision());
    assertEquals(1.0, score.recall());
  }
}
