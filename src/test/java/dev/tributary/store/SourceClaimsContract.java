package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The polling split, as every store must keep it: asking for due sources claims them for one
 * instance until its lease ends or its poll is saved. Each store's test class extends this with how
 * to open that store.
 */
public abstract class SourceClaimsContract extends StoreUnderTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant LEASE_END = NOW.plusSeconds(90);

  protected void subscribe(int count, Instant due) {
    for (int i = 0; i < count; i++) {
      store.addSource(
          Source.subscribe("s" + i, "https://feeds.example/" + i, "Feed " + i, 900, due));
    }
  }

  private List<Source> claim(String claimant, Instant now, int limit) {
    return store
        .claimDueSources(new DueQuery(now, List.of(), limit, claimant, now.plusSeconds(90)))
        .items();
  }

  @Test
  void aClaimedSourceIsNamedForItsClaimantAndNotGivenToAnother() {
    subscribe(3, NOW);
    List<Source> first = claim("a:5701", NOW, 10);
    assertEquals(3, first.size());
    assertTrue(first.stream().allMatch(s -> "a:5701".equals(s.polledBy())), first.toString());
    assertEquals(List.of(), claim("b:5701", NOW.plusSeconds(1), 10));
    assertTrue(
        store.sources().items().stream().allMatch(s -> "a:5701".equals(s.polledBy())),
        "the source list shows who polls each");
  }

  @Test
  void twoClaimantsTakingTurnsSplitTheDueSourcesWithoutOverlap() {
    subscribe(40, NOW);
    // as each scheduler does, a claimant leaves out the sources it is polling already
    List<String> pollingA = new ArrayList<>();
    List<String> pollingB = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int round = 0; round < 8; round++) {
      for (Source s : claimExcluding("a", pollingA)) {
        assertTrue(seen.add(s.id()), "claimed twice: " + s.id());
        pollingA.add(s.id());
      }
      for (Source s : claimExcluding("b", pollingB)) {
        assertTrue(seen.add(s.id()), "claimed twice: " + s.id());
        pollingB.add(s.id());
      }
    }
    assertEquals(40, seen.size());
    assertEquals(21, pollingA.size());
    assertEquals(19, pollingB.size());
  }

  private List<Source> claimExcluding(String claimant, List<String> polling) {
    return store.claimDueSources(new DueQuery(NOW, polling, 3, claimant, LEASE_END)).items();
  }

  @Test
  void aLeaseThatRanOutLetsAnotherInstanceTakeTheSource() {
    subscribe(1, NOW);
    assertEquals(1, claim("dead", NOW, 10).size());
    assertEquals(List.of(), claim("alive", LEASE_END.minusSeconds(1), 10));
    List<Source> taken = claim("alive", LEASE_END.plusSeconds(1), 10);
    assertEquals(1, taken.size());
    assertEquals("alive", taken.get(0).polledBy());
  }

  @Test
  void savingThePollEndsTheLeaseAndKeepsWhoPolledIt() {
    subscribe(1, NOW);
    Source polled = claim("a", NOW, 10).get(0);
    store.updateSource(polled.withNextPoll(NOW.plusSeconds(60)));
    assertEquals(List.of(), claim("b", NOW.plusSeconds(59), 10), "not due yet");
    assertEquals("a", store.source("s0").orElseThrow().polledBy());
    List<Source> next = claim("b", NOW.plusSeconds(61), 10);
    assertEquals(1, next.size(), "due again, and no lease holds it: any instance may poll it");
    assertEquals("b", next.get(0).polledBy());
  }

  @Test
  void anInstanceRestartedUnderItsNameTakesBackItsOwnLeasesAtOnce() {
    subscribe(1, NOW);
    assertEquals(1, claim("a", NOW, 10).size());
    assertEquals(1, claim("a", NOW.plusSeconds(1), 10).size());
  }

  @Test
  void claimsSkipDeadSourcesAndThoseThisInstanceIsPolling() {
    subscribe(3, NOW);
    Source dead = store.source("s0").orElseThrow();
    store.updateSource(
        new Source(
            dead.id(),
            dead.url(),
            dead.title(),
            null,
            900,
            null,
            null,
            Source.DEAD,
            NOW,
            null,
            410,
            1,
            "gone",
            NOW,
            null,
            NOW,
            null));
    List<Source> claimed =
        store.claimDueSources(new DueQuery(NOW, List.of("s1"), 10, "a", LEASE_END)).items();
    assertEquals(List.of("s2"), claimed.stream().map(Source::id).toList());
  }
}
