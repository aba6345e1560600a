package dev.tributary.store;

import java.util.List;

/** A batch of topic examples: to add, or all that are stored. */
public record TopicExamples(List<TopicExample> items) {
  public TopicExamples {
    items = List.copyOf(items);
  }
}
