package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedIdsTest {

  @Test
  void entryIdIsAUuidUrnDerivedFromTheArticleId() {
    String id = FeedIds.entryId("4df5721ed5792e6c");

    assertTrue(id.startsWith("urn:uuid:"), id);
    UUID.fromString(id.substring("urn:uuid:".length()));
    // Pinned: changing the derivation would make every reader see every entry as new.
    assertEquals("urn:uuid:8dae2211-3a78-3cbf-88d8-03222949c5ec", id);
  }

  @Test
  void sameArticleIdAlwaysGivesTheSameEntryId() {
    assertEquals(FeedIds.entryId("abc"), FeedIds.entryId("abc"));
  }

  @Test
  void differentArticlesGetDifferentEntryIds() {
    assertNotEquals(FeedIds.entryId("abc"), FeedIds.entryId("abd"));
  }

  @Test
  void feedIdsNeverCollideWithEntryIds() {
    assertNotEquals(FeedIds.feedId("feed"), FeedIds.entryId("feed"));
    assertNotEquals(FeedIds.feedId("feed"), FeedIds.feedId("topic:ketamine"));
  }
}
