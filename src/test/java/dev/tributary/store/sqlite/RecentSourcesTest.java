package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentSourcesTest {
  private final RecentSources sources = new RecentSources();

  @Test
  void knowsTheSourceOfAnArticleItRecorded() {
    sources.record(7, "wire");
    sources.record(8, "daily");

    assertEquals("wire", sources.sourceOf(7));
    assertEquals("daily", sources.sourceOf(8));
  }

  @Test
  void anArticleNeverRecordedIsNotKnown() {
    sources.record(7, "wire");

    assertNull(sources.sourceOf(6));
    assertNull(sources.sourceOf(7 + RecentSources.SIZE));
  }

  @Test
  void anArticleOlderThanTheRingsReachIsNoLongerKnown() {
    sources.record(7, "wire");
    sources.record(7 + RecentSources.SIZE, "daily");

    assertNull(sources.sourceOf(7));
    assertEquals("daily", sources.sourceOf(7 + RecentSources.SIZE));
  }
}
