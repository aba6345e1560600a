package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.sources.SourceIds;
import dev.tributary.store.ReaderScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsTest {
  private static final Map<String, String> TOPICS = new LinkedHashMap<>();

  static {
    TOPICS.put("ketamine", "Ketamine");
    TOPICS.put("treatment-resistant-depression", "Treatment-resistant depression");
  }

  private final Streams streams = new Streams(TOPICS);

  @Test
  void theReadingListIsEverything() {
    Stream s = streams.parse("user/-/state/com.google/reading-list");
    assertEquals(ReaderScope.ALL, s.scope());
    assertNull(s.read());
    assertNull(s.starred());
    assertFalse(s.empty());
  }

  @Test
  void statesNarrowByReadAndStarredWhateverTheUserSegment() {
    assertEquals(Boolean.TRUE, streams.parse("user/-/state/com.google/starred").starred());
    assertEquals(Boolean.TRUE, streams.parse("user/1234/state/com.google/read").read());
    assertEquals(Boolean.FALSE, streams.parse("user/alice/state/com.google/kept-unread").read());
  }

  @Test
  void statesTributaryDoesNotKeepAreEmpty() {
    assertTrue(streams.parse("user/-/state/com.google/broadcast-friends").empty());
    assertTrue(streams.parse("user/-/state/com.google/like").empty());
  }

  @Test
  void aFeedStreamIsASourceByIdOrBySubscribedUrl() {
    assertEquals(ReaderScope.source("api:news"), streams.parse("feed/api:news").scope());
    String url = "https://example.org/feed.xml";
    assertEquals(ReaderScope.source(SourceIds.of(url)), streams.parse("feed/" + url).scope());
  }

  @Test
  void aLabelIsATopicByLabelInAnyCaseOrBySlug() {
    ReaderScope trd = ReaderScope.topic("treatment-resistant-depression");
    assertEquals(trd, streams.parse("user/-/label/Treatment-resistant depression").scope());
    assertEquals(trd, streams.parse("user/-/label/treatment-RESISTANT depression").scope());
    assertEquals(trd, streams.parse("user/-/label/treatment-resistant-depression").scope());
    assertTrue(streams.parse("user/-/label/Gardening").empty(), "no such topic: an empty stream");
  }

  @Test
  void anythingElseIsABadStreamThatSaysWhatItTakes() {
    for (String bad : List.of("", "feed/", "user/-/label/", "reading-list", "http://x/feed")) {
      Streams.BadStream e = assertThrows(Streams.BadStream.class, () -> streams.parse(bad), bad);
      assertTrue(e.getMessage().contains("feed/<source>"), e.getMessage());
    }
  }

  @Test
  void excludeAndIncludeTargetsNarrowAStreamAndContradictionsEmptyIt() {
    Stream all = streams.parse("user/-/state/com.google/reading-list");
    Stream unread = Streams.filtered(all, List.of("user/-/state/com.google/read"), List.of());
    assertEquals(Boolean.FALSE, unread.read());
    Stream starredRead =
        Streams.filtered(
            all,
            List.of(),
            List.of("user/-/state/com.google/starred", "user/-/state/com.google/read"));
    assertEquals(Boolean.TRUE, starredRead.starred());
    assertEquals(Boolean.TRUE, starredRead.read());
    Stream read = streams.parse("user/-/state/com.google/read");
    assertTrue(Streams.filtered(read, List.of("user/-/state/com.google/read"), List.of()).empty());
    assertEquals(
        all, Streams.filtered(all, List.of("user/-/label/Ketamine"), List.of()), "labels ignored");
  }
}
