package dev.tributary.store;

import dev.tributary.article.Article;
import java.util.List;

/** One page of articles and the cursor for the next, null on the last page. */
public record TimelinePage(List<Article> items, Cursor next) {
  public TimelinePage {
    items = List.copyOf(items);
  }
}
