package dev.tributary.cli;

import dev.tributary.store.Store;
import dev.tributary.store.StoriesRegrouped;
import java.io.PrintStream;

/**
 * {@code tributary stories rebuild}: groups every stored article into stories again under the
 * configured {@code stories.*}, as if they arrived anew in their order — after a change of {@code
 * stories.threshold}, or once after upgrading to a store whose older articles have no band buckets.
 * Forgets the old grouping first, then groups {@value #BATCH} articles per transaction with a
 * progress line each. Run it with the server stopped: a server storing articles meanwhile would
 * group them against a half-built index.
 */
public final class StoriesRebuildCommand {
  static final int BATCH = 500;

  /** What a rebuild did: articles grouped, and how many of them joined another's story. */
  public record Summary(long articles, long copies) {}

  private final Store store;
  private final PrintStream out;

  public StoriesRebuildCommand(Store store, PrintStream out) {
    this.store = store;
    this.out = out;
  }

  public Summary run() {
    long total = store.count();
    store.clearStories();
    long articles = 0;
    long copies = 0;
    long after = 0;
    while (true) {
      StoriesRegrouped step = store.regroupStories(after, BATCH);
      if (step.articles() == 0) break;
      articles += step.articles();
      copies += step.copies();
      after = step.throughSeq();
      out.println("grouped " + articles + "/" + total + " (" + copies + " copies of a story)");
    }
    out.println(
        "grouped "
            + articles
            + " articles into "
            + (articles - copies)
            + " stories; "
            + copies
            + " are copies of an earlier article from another source");
    return new Summary(articles, copies);
  }
}
