package dev.tributary.sources;

import java.util.List;

/** A list of sources: all, or those due for a poll. */
public record Sources(List<Source> items) {
  public Sources {
    items = List.copyOf(items);
  }
}
