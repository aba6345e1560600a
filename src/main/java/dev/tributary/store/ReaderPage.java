package dev.tributary.store;

import java.util.List;

/**
 * A page of a reader stream and where the next one starts.
 *
 * @param next the sequence number to continue after (the last item's), or 0 on the last page
 */
public record ReaderPage(List<ReaderItem> items, long next) {
  public ReaderPage {
    items = List.copyOf(items);
  }
}
