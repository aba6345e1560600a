package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceSchedulerShareTest {
  @Test
  void aSingleInstanceIsNotHeldToAShare() {
    assertEquals(Integer.MAX_VALUE, SourceScheduler.share(32, 1));
  }

  @Test
  void membersDivideTheClaimsOfATickRoundingUp() {
    assertEquals(16, SourceScheduler.share(32, 2));
    assertEquals(11, SourceScheduler.share(32, 3));
    assertEquals(1, SourceScheduler.share(1, 4));
  }

  @Test
  void ticksComeBetweenHalfATickAndOneAndAHalfAtAWanderingPhase() {
    java.util.Random random = new java.util.Random(7);
    java.util.Set<Long> delays = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long delay = SourceScheduler.nextTickDelay(random);
      assertTrue(delay >= SourceScheduler.TICK_MILLIS / 2, "delay " + delay);
      assertTrue(delay < SourceScheduler.TICK_MILLIS * 3 / 2, "delay " + delay);
      delays.add(delay / 100);
    }
    assertEquals(10, delays.size(), "every tenth of the range is reached: " + delays);
  }

  @Test
  void theMembersTogetherMayClaimAllTheirPlacesInOneTick() {
    for (int members = 2; members <= 7; members++) {
      assertTrue(SourceScheduler.share(32, members) * members >= 32, "members " + members);
    }
  }
}
