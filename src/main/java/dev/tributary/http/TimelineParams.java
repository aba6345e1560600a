package dev.tributary.http;

import dev.tributary.extract.DateText;
import dev.tributary.store.Cursor;
import dev.tributary.store.TimelineQuery;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code /api/timeline}'s query string into a {@link TimelineQuery}, or says what is wrong.
 */
final class TimelineParams {
  static final int DEFAULT_LIMIT = 50;

  private TimelineParams() {}

  static final class BadParameter extends Exception {
    BadParameter(String message) {
      super(message);
    }
  }

  /** The parameters {@code /api/timeline} knows; any other is answered 400. */
  static final Set<String> NAMES =
      Set.of("topic", "source", "q", "since", "limit", "cursor", "stories");

  /**
   * {@code topic} parameters, repeatable and comma-separated; sorted and without repeats, since any
   * of them matches, so that one question has one form (and one cache entry).
   */
  static List<String> topics(MultiMap params) {
    TreeSet<String> topics = new TreeSet<>();
    for (String value : params.getAll("topic")) {
      for (String slug : value.split(",")) if (!slug.isBlank()) topics.add(slug.trim());
    }
    return List.copyOf(topics);
  }

  static TimelineQuery parse(MultiMap params) throws BadParameter {
    List<String> topics = topics(params);
    String source = blankToNull(params.get("source"));
    String q = blankToNull(params.get("q"));
    Instant since = parseSince(params.get("since"));
    int limit = parseLimit(params.get("limit"));
    Cursor cursor = null;
    String cursorText = blankToNull(params.get("cursor"));
    if (cursorText != null) {
      cursor =
          Cursor.decode(cursorText)
              .orElseThrow(() -> new BadParameter("cursor: not a cursor this server issued"));
    }
    return new TimelineQuery(topics, source, since, q, limit, cursor, everyCopy(params));
  }

  /**
   * {@code stories}: {@code all} lists every copy of a story; {@code first} (the default) one entry
   * per story, its first copy to arrive.
   */
  private static boolean everyCopy(MultiMap params) throws BadParameter {
    String stories = blankToNull(params.get("stories"));
    if (stories == null || stories.equals("first")) return false;
    if (stories.equals("all")) return true;
    throw new BadParameter("stories: 'all' (every copy) or 'first' (one entry per story)");
  }

  private static int parseLimit(String text) throws BadParameter {
    if (text == null || text.isBlank()) return DEFAULT_LIMIT;
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit >= 1 && limit <= TimelineQuery.MAX_LIMIT) return limit;
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new BadParameter("limit: must be a number from 1 to " + TimelineQuery.MAX_LIMIT);
  }

  static Instant parseSince(String text) throws BadParameter {
    try {
      return DateText.strictIso(text);
    } catch (DateTimeParseException e) {
      throw new BadParameter("since: expected an ISO-8601 time such as 2026-11-21T10:00:00Z");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
