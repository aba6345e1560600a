package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.store.ReaderQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamQueriesTest {
  private final Stream all = new Streams(Map.of()).parse("user/-/state/com.google/reading-list");

  private ReaderQuery query(String... pairs) {
    Map<String, List<String>> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) params.put(pairs[i], List.of(pairs[i + 1]));
    return StreamQueries.of(all, name -> params.getOrDefault(name, List.of()), 20, 1000, true);
  }

  @Test
  void nDefaultsWhenAbsentOrNotPositiveAndIsCapped() {
    assertEquals(20, query().limit());
    assertEquals(20, query("n", "0").limit());
    assertEquals(5, query("n", "5").limit());
    assertEquals(1000, query("n", "999999").limit());
    assertThrows(IllegalArgumentException.class, () -> query("n", "many"));
  }

  @Test
  void otReachesBackAMinuteAndTakesSecondsOrMicroseconds() {
    Instant ot = Instant.ofEpochSecond(1_700_000_000L);
    assertEquals(ot.minus(StreamQueries.OT_SLACK), query("ot", "1700000000").since());
    assertEquals(ot.minus(StreamQueries.OT_SLACK), query("ot", "1700000000123456").since());
    assertNull(query("ot", "0").since(), "ot=0: from the beginning");
    assertEquals(ot, query("nt", "1700000000").until());
  }

  @Test
  void continuationOrderAndFiltersCarryOver() {
    ReaderQuery q =
        query("c", Continuation.encode(77), "r", "o", "xt", "user/-/state/com.google/read");
    assertEquals(77, q.after());
    assertTrue(q.oldestFirst());
    assertEquals(Boolean.FALSE, q.read());
    assertTrue(q.withArticles());
  }
}
