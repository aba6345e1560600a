package dev.tributary.store;

import dev.tributary.article.Article;
import java.time.Instant;

/**
 * Gives each new article of a batch a stored time ({@code ingested}) at least a millisecond after
 * the one before it: the pipeline's time, unless that is not later than the newest stored article's
 * (articles assembled in the same millisecond by different workers, or out of order). So no two
 * articles share an instant, and feeds can say when each entry changed, each its own ({@code
 * atom:updated}, publish/EntryTimes). The shift is what the commit order asks for: at most a
 * millisecond per article that arrived in the same millisecond. Used inside the writing
 * transaction, which on PostgreSQL holds the article writers' lock, so every instance continues
 * from the same newest time.
 */
public final class StoredTimes {
  /** The stored time of the newest article (highest sequence number), 0 when there is none. */
  public static final String NEWEST = "SELECT ingested_ms FROM articles ORDER BY seq DESC LIMIT 1";

  private long last;

  /** Continues after the newest stored article's time (its {@code ingested_ms}). */
  public StoredTimes(long newestStoredMillis) {
    this.last = newestStoredMillis;
  }

  /** The article with its stored time: its own, or a millisecond after the previous one. */
  public Article stamp(Article article) {
    long at = Math.max(article.ingested().toEpochMilli(), last + 1);
    last = at;
    return at == article.ingested().toEpochMilli()
        ? article
        : article.withIngested(Instant.ofEpochMilli(at));
  }
}
