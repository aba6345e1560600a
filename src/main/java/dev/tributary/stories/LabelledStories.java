package dev.tributary.stories;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder of articles labelled by story: {@code items/NNN.txt}, each {@code source: NAME}, {@code
 * url: URL}, the title, a blank line and the body; and {@code labels.json}, {@code {"NNN.txt":
 * "story-label"}} (a name with or without {@code items/}). Items with one label are copies of one
 * story; an item alone with its label is a story of its own. Items are read in name order, which is
 * the order they arrive in an evaluation.
 */
public final class LabelledStories {
  public static final String LABELS_FILE = "labels.json";
  public static final String ITEMS = "items";

  /**
   * One labelled item as a source would send it.
   *
   * @param url the item's URL, or null when its file has none
   */
  public record Item(
      String file, String source, String url, String title, String body, String label) {}

  private LabelledStories() {}

  /**
   * @throws IOException when the folder, labels.json or an item cannot be read
   * @throws IllegalArgumentException when labels.json is malformed, an item lacks its header, or a
   *     label names no item (or an item has no label)
   */
  public static List<Item> load(Path dir) throws IOException {
    JsonObject labels;
    try {
      labels = new JsonObject(Files.readString(dir.resolve(LABELS_FILE), StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw new IllegalArgumentException(dir.resolve(LABELS_FILE) + ": not valid JSON", e);
    }
    Set<String> files;
    try (Stream<Path> listed = Files.list(dir.resolve(ITEMS))) {
      files =
          listed
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    List<Item> items = new ArrayList<>();
    Set<String> labelled = new TreeSet<>();
    for (String key : labels.fieldNames()) {
      String file = key.startsWith(ITEMS + "/") ? key.substring(ITEMS.length() + 1) : key;
      if (!files.contains(file)) {
        throw new IllegalArgumentException(LABELS_FILE + ": no item " + ITEMS + "/" + file);
      }
      if (!(labels.getValue(key) instanceof String label) || label.isBlank()) {
        throw new IllegalArgumentException(LABELS_FILE + ": \"" + key + "\" needs a story label");
      }
      labelled.add(file);
      items.add(item(dir.resolve(ITEMS).resolve(file), label));
    }
    files.removeAll(labelled);
    if (!files.isEmpty()) {
      throw new IllegalArgumentException(
          LABELS_FILE + ": no label for " + String.join(", ", files));
    }
    items.sort(java.util.Comparator.comparing(Item::file));
    return items;
  }

  static Item item(Path file, String label) throws IOException {
    List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    String name = file.getFileName().toString();
    String source = null;
    String url = null;
    int i = 0;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.regionMatches(true, 0, "source:", 0, 7)) source = line.substring(7).strip();
      else if (line.regionMatches(true, 0, "url:", 0, 4)) url = line.substring(4).strip();
      else break;
    }
    if (source == null || source.isEmpty()) {
      throw new IllegalArgumentException(name + ": needs a 'source: NAME' line first");
    }
    if (i >= lines.size() || lines.get(i).isBlank()) {
      throw new IllegalArgumentException(name + ": needs a title after its header");
    }
    String title = lines.get(i).strip();
    String body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
    if (body.isEmpty()) throw new IllegalArgumentException(name + ": has no body");
    return new Item(name, source, url == null || url.isEmpty() ? null : url, title, body, label);
  }
}
