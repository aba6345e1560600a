package dev.tributary.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.store.Cursor;
import dev.tributary.store.StoreContract;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic's page reads the same articles whichever way it is read: walking the articles newest
 * first (a large topic) or from the topic's rows (a small one).
 */
class SqliteTimelineTest {
  @TempDir Path dir;

  /** Every page of the query, ids in order, through the cursor. */
  private static List<String> allPages(SqliteTimeline timeline, List<String> topics, String text)
      throws Exception {
    List<String> ids = new ArrayList<>();
    Cursor cursor = null;
    do {
      TimelinePage page = timeline.page(new TimelineQuery(topics, null, null, text, 3, cursor));
      page.items().forEach(a -> ids.add(a.id()));
      cursor = page.next();
    } while (cursor != null);
    return ids;
  }

  @Test
  void largeAndSmallTopicsReadTheSameArticlesInTheSameOrder() throws Exception {
    List<String> inEven = new ArrayList<>();
    try (SqliteStore store = SqliteStore.open(dir)) {
      for (int i = 0; i < 40; i++) {
        List<String> topics = new ArrayList<>();
        if (i % 2 == 0) topics.add("even");
        if (i % 5 == 0) topics.add("fifth");
        store.put(
            StoreContract.article(
                "article number " + i, (i * 7L) % 40, topics.toArray(String[]::new)));
      }
      for (var a : store.timeline(TimelineQuery.newestInTopic("even", 200)).items()) {
        inEven.add(a.id());
      }
    }
    assertEquals(20, inEven.size());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tributary.db"))) {
      SqliteSearchIndex.attach(c, dir.resolve(SqliteSearchIndex.FILE), "search");
      SqliteTimeline everyTopicLarge = new SqliteTimeline(c, 1);
      SqliteTimeline everyTopicSmall = new SqliteTimeline(c, Integer.MAX_VALUE);
      for (List<String> topics :
          List.of(List.of("even"), List.of("fifth"), List.of("even", "fifth"))) {
        List<String> walked = allPages(everyTopicLarge, topics, null);
        assertEquals(allPages(everyTopicSmall, topics, null), walked, "topics " + topics);
      }
      assertEquals(inEven, allPages(everyTopicLarge, List.of("even"), null));
      assertEquals(24, allPages(everyTopicLarge, List.of("even", "fifth"), null).size());
      assertEquals(
          allPages(everyTopicSmall, List.of("fifth"), "number"),
          allPages(everyTopicLarge, List.of("fifth"), "number"));
      assertEquals(List.of(), allPages(everyTopicLarge, List.of("none"), null));
    }
  }
}
