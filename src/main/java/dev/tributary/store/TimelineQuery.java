package dev.tributary.store;

import java.time.Instant;
import java.util.List;

/**
 * A page request over stored articles, newest first.
 *
 * @param topics topic slugs, any of which must match; empty for all
 * @param sourceId only this source, or null
 * @param since only articles published at or after this instant, or null
 * @param text full-text query, or null
 * @param limit page size, 1..200
 * @param after where the previous page ended, or null for the first page
 * @param everyCopy every copy of a story ({@code ?stories=all}); otherwise one entry per story, its
 *     first copy to arrive (a query of one source shows all of that source's articles, which are
 *     never two copies of one story)
 */
public record TimelineQuery(
    List<String> topics,
    String sourceId,
    Instant since,
    String text,
    int limit,
    Cursor after,
    boolean everyCopy) {

  public static final int MAX_LIMIT = 200;

  public TimelineQuery {
    topics = List.copyOf(topics);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** One entry per story. */
  public TimelineQuery(
      List<String> topics, String sourceId, Instant since, String text, int limit, Cursor after) {
    this(topics, sourceId, since, text, limit, after, false);
  }

  /** Whether the page is one entry per story: its first copies only. */
  public boolean firstCopiesOnly() {
    return !everyCopy && sourceId == null;
  }

  public static TimelineQuery newest(int limit) {
    return new TimelineQuery(List.of(), null, null, null, limit, null);
  }

  public static TimelineQuery newestInTopic(String slug, int limit) {
    return new TimelineQuery(List.of(slug), null, null, null, limit, null);
  }
}
