package dev.tributary.store;

import java.util.List;

/** The answer to a {@link ReplayQuery}: at most its limit of articles, oldest first. */
public record ReplayBatch(List<StoredArticle> items) {
  public ReplayBatch {
    items = List.copyOf(items);
  }
}
