package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledStoriesTest {
  @TempDir Path dir;

  private void item(String name, String text) throws Exception {
    Files.createDirectories(dir.resolve("items"));
    Files.writeString(dir.resolve("items").resolve(name), text);
  }

  @Test
  void readsTheHeaderTitleAndBodyOfEachItemInNameOrder() throws Exception {
    item("002.txt", "source: B\nTitle two\n\nBody two.\n");
    item(
        "001.txt", "source: Wire Service\nurl: https://wire.example/1\nTitle one\n\nBody\n\nmore.");
    Files.writeString(dir.resolve("labels.json"), "{\"items/002.txt\": \"y\", \"001.txt\": \"x\"}");

    var items = LabelledStories.load(dir);

    assertEquals(2, items.size());
    var first = items.get(0);
    assertEquals("001.txt", first.file());
    assertEquals("Wire Service", first.source());
    assertEquals("https://wire.example/1", first.url());
    assertEquals("Title one", first.title());
    assertEquals("Body\n\nmore.", first.body());
    assertEquals("x", first.label());
    assertNull(items.get(1).url());
  }

  @Test
  void refusesAnItemWithoutALabelOrALabelWithoutAnItem() throws Exception {
    item("001.txt", "source: A\nT\n\nBody.");
    item("002.txt", "source: A\nT\n\nBody.");
    Files.writeString(dir.resolve("labels.json"), "{\"001.txt\": \"x\"}");
    var e = assertThrows(IllegalArgumentException.class, () -> LabelledStories.load(dir));
    assertTrue(e.getMessage().contains("no label for 002.txt"), e.getMessage());

    Files.writeString(
        dir.resolve("labels.json"), "{\"001.txt\": \"x\", \"002.txt\": \"y\", \"003.txt\": \"z\"}");
    e = assertThrows(IllegalArgumentException.class, () -> LabelledStories.load(dir));
    assertTrue(e.getMessage().contains("no item items/003.txt"), e.getMessage());
  }

  @Test
  void refusesAnItemWithoutItsSourceLine() throws Exception {
    item("001.txt", "Title\n\nBody.");
    Files.writeString(dir.resolve("labels.json"), "{\"001.txt\": \"x\"}");
    var e = assertThrows(IllegalArgumentException.class, () -> LabelledStories.load(dir));
    assertTrue(e.getMessage().contains("001.txt: needs a 'source: NAME' line"), e.getMessage());
  }
}
