package dev.tributary.store;

import java.time.Instant;

/**
 * A page of a reader stream (docs/ARCHITECTURE.md, "Reader apps"): articles by their sequence
 * number — the reader APIs' item id — newest first unless {@code oldestFirst}, with each one's read
 * and starred state.
 *
 * @param read only read articles (true), only unread ones (false), or both (null)
 * @param starred only starred articles (true), only the others (false), or both (null)
 * @param since only articles ingested at or after this instant, or null
 * @param until only articles ingested before this instant, or null
 * @param after the sequence number the previous page ended at (exclusive), 0 for the first page
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param withArticles whether the items carry their articles (else ids and state only)
 */
public record ReaderQuery(
    ReaderScope scope,
    Boolean read,
    Boolean starred,
    Instant since,
    Instant until,
    boolean oldestFirst,
    long after,
    int limit,
    boolean withArticles) {

  /** The most items one page holds (ids only); pages with articles are capped lower by callers. */
  public static final int MAX_LIMIT = 10_000;

  public ReaderQuery {
    if (scope == null) scope = ReaderScope.ALL;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (after < 0) throw new IllegalArgumentException("after must not be negative");
  }
}
