package dev.tributary.store;

/**
 * How the store verticle batches {@code tributary.store.put} requests into transactions.
 *
 * @param maxArticles a batch is committed once it holds this many articles
 * @param maxDelayMs how long the first article of a batch may wait for more before the commit; 0:
 *     no wait — the batch is committed as soon as the store has taken every request already queued
 *     for it, so whatever arrived while the previous commit ran forms the next batch
 */
public record GroupCommit(int maxArticles, long maxDelayMs) {
  /** The defaults of conf/tributary.json (docs/CONFIGURATION.md says how they were chosen). */
  public static final GroupCommit DEFAULT = new GroupCommit(256, 0);

  public GroupCommit {
    if (maxArticles < 1) throw new IllegalArgumentException("maxArticles must be at least 1");
    if (maxDelayMs < 0) throw new IllegalArgumentException("maxDelayMs must not be negative");
  }
}
