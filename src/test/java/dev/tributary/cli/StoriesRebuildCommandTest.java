package dev.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.store.Store;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.LabelledStories;
import dev.tributary.stories.StoryRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary stories rebuild} on a real SQLite store holding articles stored before their
 * stories were detected (as after upgrading, or with {@code stories.enabled=false}).
 */
class StoriesRebuildCommandTest {
  @TempDir Path dir;

  @Test
  void groupsTheStoredArticlesAgainUnderTheConfiguredThreshold() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Store strict =
        SqliteStore.open(dir, new StoryRules(false, StoryRules.DEFAULT_THRESHOLD))) {
      ArticlePipeline pipeline = ArticlePipeline.over(null);
      for (LabelledStories.Item item : LabelledStories.load(StoriesEvalCommandTest.DEV_SET)) {
        if (!item.label().equals("workweek") && !item.label().equals("bakery")) continue;
        Article a = pipeline.extract(StoriesEvalCommand.document(item));
        ids.add(strict.put(a).article().id());
      }
      assertEquals(4, ids.size());
      assertEquals(0, copies(strict, ids));
    }

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Store store = SqliteStore.open(dir, StoryRules.DEFAULT)) {
      var summary = new StoriesRebuildCommand(store, new PrintStream(printed, true, "UTF-8")).run();

      assertEquals(4, summary.articles());
      assertEquals(2, summary.copies());
      assertEquals(2, copies(store, ids));
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("grouped 4/4 (2 copies of a story)"), out);
    assertTrue(
        out.contains("grouped 4 articles into 2 stories; 2 are copies of an earlier article"), out);
  }

  private static long copies(Store store, List<String> ids) {
    return ids.stream().filter(id -> !store.get(id).orElseThrow().leadsItsStory()).count();
  }
}
