package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decisions, without a store: candidates found in buckets, confirmed by containment, joined or
 * not. (The stores' part is in StoriesContract.)
 */
class StoryGroupingTest {
  static final SourceRef A = new SourceRef("a", "A");
  static final SourceRef B = new SourceRef("b", "B");
  static final SourceRef C = new SourceRef("c", "C");

  static final String ORIGINAL = StorySketchTest.words(7, 300);
  static final String CUT =
      ORIGINAL.substring(0, ORIGINAL.indexOf(' ', ORIGINAL.length() * 6 / 10));

  static StoryGrouping.Incoming incoming(String id, SourceRef source, String text) {
    return new StoryGrouping.Incoming(id, source, null, text);
  }

  /** Runs the steps with a stored article in every bucket the batch looks up. */
  static List<StoryGrouping.Assignment> groupAgainst(
      StoryGrouping grouping, StoryGrouping.Candidate stored, StoryGrouping.Member... members) {
    List<StoryGrouping.BucketHit> hits = new ArrayList<>();
    for (long key : StorySketch.of(stored.text()).bandKeys()) {
      hits.add(new StoryGrouping.BucketHit(key, stored.seq()));
    }
    Set<Long> seqs = grouping.candidateSeqs(hits);
    assertEquals(Set.of(stored.seq()), seqs);
    grouping.confirmedStories(List.of(stored));
    return grouping.assign(List.of(members));
  }

  @Test
  void aCopyFromAnotherSourceJoinsTheStoredArticlesStory() {
    var stored = new StoryGrouping.Candidate(5, "orig", "a", "orig", ORIGINAL);
    var member = new StoryGrouping.Member("orig", 5, new StoryCopy("orig", A, "u"));
    var grouping = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("cut", B, CUT)));

    var assigned = groupAgainst(grouping, stored, member).get(0);

    assertEquals("orig", assigned.storyId());
    assertEquals(List.of(new StoryCopy("orig", A, "u")), assigned.alsoIn());
    assertEquals(StorySketch.BANDS + StorySketch.LEAD_BANDS, assigned.bandKeys().length);
  }

  @Test
  void aCopyFromTheSameSourceIsNotACandidateAtAll() {
    var stored = new StoryGrouping.Candidate(5, "orig", "a", "orig", ORIGINAL);
    var grouping = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("cut", A, CUT)));
    grouping.candidateSeqs(
        List.of(new StoryGrouping.BucketHit(StorySketch.of(CUT).bandKeys()[0], 5)));

    assertEquals(Set.of(), grouping.confirmedStories(List.of(stored)));
    assertEquals("cut", grouping.assign(List.of()).get(0).storyId());
  }

  @Test
  void aCandidateBelowTheThresholdIsNotConfirmed() {
    String half = CUT.substring(0, CUT.length() / 2) + " " + StorySketchTest.words(8, 200);
    var stored = new StoryGrouping.Candidate(5, "orig", "a", "orig", ORIGINAL);
    var strict = new StoryGrouping(new StoryRules(true, 0.9), List.of(incoming("half", B, half)));
    var lenient = new StoryGrouping(new StoryRules(true, 0.2), List.of(incoming("half", B, half)));
    var member = new StoryGrouping.Member("orig", 5, new StoryCopy("orig", A, null));

    assertEquals("half", groupAgainst(strict, stored, member).get(0).storyId());
    assertEquals("orig", groupAgainst(lenient, stored, member).get(0).storyId());
  }

  @Test
  void copiesInOneBatchFindEachOtherWithoutTheStore() {
    var grouping =
        new StoryGrouping(
            StoryRules.DEFAULT,
            List.of(
                incoming("orig", A, ORIGINAL),
                incoming("other", B, StorySketchTest.words(9, 300)),
                incoming("cut", C, CUT)));
    assertEquals(Set.of(), grouping.candidateSeqs(List.of()));
    var assigned = grouping.assign(List.of());

    assertEquals(
        List.of("orig", "other", "orig"), assigned.stream().map(a -> a.storyId()).toList());
    assertEquals(List.of("cut"), assigned.get(0).alsoIn().stream().map(StoryCopy::id).toList());
  }

  @Test
  void anArticleMatchingTwoStoriesMergesThemUnderTheFirstToArrive() {
    String[] w = ORIGINAL.split(" ");
    String opening = String.join(" ", List.of(w).subList(0, 180));
    String ending = String.join(" ", List.of(w).subList(120, 300));
    var first = new StoryGrouping.Member("opening", 3, new StoryCopy("opening", B, null));
    var second = new StoryGrouping.Member("ending", 4, new StoryCopy("ending", C, null));
    var grouping = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("whole", A, ORIGINAL)));
    List<StoryGrouping.BucketHit> hits = new ArrayList<>();
    for (long key : StorySketch.of(opening).bandKeys())
      hits.add(new StoryGrouping.BucketHit(key, 3));
    for (long key : StorySketch.of(ending).bandKeys())
      hits.add(new StoryGrouping.BucketHit(key, 4));
    grouping.candidateSeqs(hits);
    grouping.confirmedStories(
        List.of(
            new StoryGrouping.Candidate(3, "opening", "b", "opening", opening),
            new StoryGrouping.Candidate(4, "ending", "c", "ending", ending)));

    var assigned = grouping.assign(List.of(first, second)).get(0);

    assertEquals("opening", assigned.storyId());
    assertEquals(
        List.of("opening", "ending"), assigned.alsoIn().stream().map(StoryCopy::id).toList());
    assertEquals(Map.of("ending", "opening"), grouping.merged());
  }

  @Test
  void withDetectionOffNothingIsLookedUp() {
    var grouping =
        new StoryGrouping(
            new StoryRules(false, StoryRules.DEFAULT_THRESHOLD),
            List.of(incoming("x", A, ORIGINAL)));
    assertEquals(0, grouping.bandKeys().length);
    var assigned = grouping.assign(List.of()).get(0);
    assertEquals("x", assigned.storyId());
    assertEquals(0, assigned.bandKeys().length);
  }

  @Test
  void atMostEightCandidatesAreReadPerArticle() {
    var grouping = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("x", A, ORIGINAL)));
    long key = StorySketch.of(ORIGINAL).bandKeys()[0];
    List<StoryGrouping.BucketHit> hits = new ArrayList<>();
    for (long seq = 1; seq <= 50; seq++) hits.add(new StoryGrouping.BucketHit(key, seq));
    assertTrue(grouping.candidateSeqs(hits).size() <= StoryGrouping.MAX_CANDIDATES);
  }

  @Test
  void theCandidatesAreThoseInTheMostBucketsOlderFirstOnATie() {
    var grouping = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("x", A, ORIGINAL)));
    long[] keys = StorySketch.of(ORIGINAL).bandKeys();
    List<StoryGrouping.BucketHit> hits = new ArrayList<>();
    // seq s is in the first s buckets for 1..10; seqs 100..119 in one bucket each; a key the
    // article does not have holds seq 500 in many rows
    for (long seq = 1; seq <= 10; seq++) {
      for (int k = 0; k < seq; k++) hits.add(new StoryGrouping.BucketHit(keys[k], seq));
    }
    for (long seq = 119; seq >= 100; seq--) hits.add(new StoryGrouping.BucketHit(keys[20], seq));
    for (int k = 0; k < 30; k++) hits.add(new StoryGrouping.BucketHit(keys[0] + 1, 500));

    assertEquals(
        List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L),
        List.copyOf(grouping.candidateSeqs(hits)),
        "the 8 in the most buckets, most first");

    var few = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("y", A, ORIGINAL)));
    List<StoryGrouping.BucketHit> ties = new ArrayList<>();
    for (long seq = 119; seq >= 100; seq--) ties.add(new StoryGrouping.BucketHit(keys[3], seq));
    ties.add(new StoryGrouping.BucketHit(keys[4], 110));
    assertEquals(
        List.of(110L, 100L, 101L, 102L, 103L, 104L, 105L, 106L),
        List.copyOf(few.candidateSeqs(ties)),
        "two buckets before one; among equals the oldest");
  }

  @Test
  void aSketchMadeBeforeIsUsedAsGiven() {
    StorySketch other = StorySketch.of(StorySketchTest.words(11, 300));
    var given =
        new StoryGrouping(
            StoryRules.DEFAULT, List.of(new StoryGrouping.Incoming("x", A, null, ORIGINAL, other)));
    var made = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("x", A, ORIGINAL)));

    assertTrue(java.util.Arrays.equals(other.bandKeys(), given.bandKeys()));
    assertTrue(
        java.util.Arrays.equals(StorySketch.of(ORIGINAL).bandKeys(), made.bandKeys()),
        "without one, the text's own");
  }

  @Test
  void hitsWithoutTheirKeysChooseAsTheHitsWould() {
    long[] keys = StorySketch.of(ORIGINAL).bandKeys();
    List<StoryGrouping.BucketHit> hits = new ArrayList<>();
    for (long seq = 1; seq <= 30; seq++) {
      int buckets = (int) (seq * 7 % 5) + 1; // 1..5, with ties
      for (int k = 0; k < buckets; k++) hits.add(new StoryGrouping.BucketHit(keys[k], seq));
    }
    long[] seqs = new long[hits.size() + 3];
    for (int i = 0; i < hits.size(); i++) seqs[hits.size() - 1 - i] = hits.get(i).seq();
    seqs[hits.size()] = 99; // past n: not a hit

    var fromHits = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("x", A, ORIGINAL)));
    var withoutKeys = new StoryGrouping(StoryRules.DEFAULT, List.of(incoming("x", A, ORIGINAL)));

    List<Long> chosen = List.copyOf(withoutKeys.candidateSeqsOfHits(seqs, hits.size()));
    assertEquals(List.copyOf(fromHits.candidateSeqs(hits)), chosen);
    assertEquals(
        List.of(2L, 7L, 12L, 17L, 22L, 27L, 4L, 9L),
        chosen,
        "five buckets (seq 2, 7, ...) first, then four, oldest first; in any order given");
  }
}
