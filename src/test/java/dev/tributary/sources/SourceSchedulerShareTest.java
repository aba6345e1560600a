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
  void theMembersTogetherMayClaimAllTheirPlacesInOneTick() {
    for (int members = 2; members <= 7; members++) {
      assertTrue(SourceScheduler.share(32, members) * members >= 32, "members " + members);
    }
  }
}
