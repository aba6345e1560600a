package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.publish.RenderedFeed;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timeline cache: keyed by the parsed query, bounded by bytes, emptied by a store. */
class TimelineCacheTest {
  static final long BOUND = 1024 * 1024;

  /** A response of about 20 KB that gzip cannot shrink much (random letters). */
  static CachedResponse response(Random random) {
    StringBuilder json = new StringBuilder("{\"items\":\"");
    for (int i = 0; i < 20_000; i++) json.append((char) ('a' + random.nextInt(26)));
    return CachedResponse.of(
        RenderedFeed.of(json.append("\"}").toString(), "application/json", Instant.EPOCH));
  }

  static TimelineQuery since(int second) {
    return new TimelineQuery(List.of(), null, Instant.ofEpochSecond(second), null, 200, null);
  }

  @Test
  void twoThousandDistinctQueriesStayWithinTheByteBound() {
    TimelineCache cache = new TimelineCache(BOUND);
    Random random = new Random(9);
    for (int i = 0; i < 2_000; i++) cache.put(since(i), cache.generation(), response(random));
    assertTrue(cache.weightedBytes() <= BOUND, cache.weightedBytes() + " bytes held");
    assertTrue(
        cache.weightedBytes() > BOUND / 2, "it does cache: " + cache.weightedBytes() + " bytes");
    long most = BOUND / (20_000 + TimelineCache.ENTRY_OVERHEAD_BYTES);
    assertTrue(cache.entryCount() <= most, cache.entryCount() + " entries, at most " + most);
  }

  @Test
  void oneQuestionSpelledTwoWaysIsOneEntry() throws Exception {
    TimelineCache cache = new TimelineCache(BOUND);
    MultiMap spelled =
        MultiMap.caseInsensitiveMultiMap().add("topic", "ptsd,ocd").add("limit", "5");
    MultiMap respelled =
        MultiMap.caseInsensitiveMultiMap()
            .add("limit", " 5")
            .add("topic", "ocd")
            .add("topic", "ptsd")
            .add("topic", "ocd");
    CachedResponse response = response(new Random(1));
    cache.put(TimelineParams.parse(spelled), cache.generation(), response);
    assertEquals(response, cache.get(TimelineParams.parse(respelled)).orElseThrow());
    assertEquals(1, cache.entryCount());
  }

  @Test
  void aRenderThatStartedBeforeAStoreIsNotCached() {
    TimelineCache cache = new TimelineCache(BOUND);
    long started = cache.generation();
    cache.put(since(1), started, response(new Random(2)));
    cache.clear();
    assertTrue(cache.get(since(1)).isEmpty(), "cleared");
    cache.put(since(1), started, response(new Random(3)));
    assertTrue(cache.get(since(1)).isEmpty(), "stale render not stored");
  }
}
