package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditTagsTest {
  static final String READ = "user/-/state/com.google/read";
  static final String KEPT_UNREAD = "user/-/state/com.google/kept-unread";
  static final String STARRED = "user/-/state/com.google/starred";

  @Test
  void newsboatMarksReadByAddingReadAndRemovingKeptUnread() {
    assertEquals(new EditTags(true, null), EditTags.of(List.of(READ), List.of(KEPT_UNREAD)));
  }

  @Test
  void newsboatMarksUnreadTheOtherWayRoundAndTrackingIsIgnored() {
    assertEquals(
        new EditTags(false, null),
        EditTags.of(
            List.of(KEPT_UNREAD, "user/-/state/com.google/tracking-kept-unread"), List.of(READ)));
  }

  @Test
  void starsAndUnstarsBesideTheReadState() {
    assertEquals(new EditTags(true, true), EditTags.of(List.of(READ, STARRED), List.of()));
    assertEquals(new EditTags(null, false), EditTags.of(List.of(), List.of(STARRED)));
    assertEquals(
        new EditTags(null, null),
        EditTags.of(List.of("user/-/state/com.google/broadcast"), List.of()),
        "states Tributary does not keep change nothing");
  }

  @Test
  void contradictionsLabelsAndUnknownTagsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> EditTags.of(List.of(READ), List.of(READ)));
    assertThrows(
        IllegalArgumentException.class, () -> EditTags.of(List.of(STARRED), List.of(STARRED)));
    IllegalArgumentException label =
        assertThrows(
            IllegalArgumentException.class,
            () -> EditTags.of(List.of("user/-/label/Favourites"), List.of()));
    assertTrue(label.getMessage().contains("topics"), label.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EditTags.of(List.of("read"), List.of()));
  }
}
