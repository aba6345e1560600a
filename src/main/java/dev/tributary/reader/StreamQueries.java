package dev.tributary.reader;

import dev.tributary.store.ReaderQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A stream request's parameters as a store query: {@code n} (how many, capped), {@code c} (the
 * continuation), {@code r=o} (oldest first), {@code ot} and {@code nt} (stored after / before, Unix
 * seconds), {@code xt} and {@code it} (states excluded, included).
 */
public final class StreamQueries {
  /** Most items with their articles in one answer (contents, Atom): Google's own cap. */
  public static final int MAX_ITEMS = 1000;

  /** Most ids in one answer. */
  public static final int MAX_IDS = 10_000;

  /**
   * {@code ot} reaches back this much further. NetNewsWire asks for the ids stored since the {@code
   * Date} of its previous answer; an article stamped just before that answer but committed just
   * after it would otherwise fall between the two. A few ids more cost the client nothing: it knows
   * them by id.
   */
  public static final Duration OT_SLACK = Duration.ofSeconds(60);

  private StreamQueries() {}

  /**
   * @param params a parameter's values by name (query and form merged)
   * @param defaultN the page size when {@code n} is absent or not positive
   * @param maxN the cap on {@code n}
   */
  public static ReaderQuery of(
      Stream stream,
      Function<String, List<String>> params,
      int defaultN,
      int maxN,
      boolean withArticles) {
    Stream filtered = Streams.filtered(stream, params.apply("xt"), params.apply("it"));
    int n = number(params, "n", defaultN);
    if (n <= 0) n = defaultN;
    Long ot = seconds(params, "ot");
    Long nt = seconds(params, "nt");
    String c = first(params, "c");
    return new ReaderQuery(
        filtered.scope(),
        filtered.read(),
        filtered.starred(),
        ot == null || ot <= 0 ? null : Instant.ofEpochSecond(ot).minus(OT_SLACK),
        nt == null || nt <= 0 ? null : Instant.ofEpochSecond(nt),
        "o".equals(first(params, "r")),
        c == null || c.isBlank() ? 0 : Continuation.decode(c),
        Math.min(n, maxN),
        withArticles);
  }

  static String first(Function<String, List<String>> params, String name) {
    List<String> values = params.apply(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int number(Function<String, List<String>> params, String name, int absent) {
    Long value = whole(params, name);
    if (value == null) return absent;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static Long seconds(Function<String, List<String>> params, String name) {
    Long value = whole(params, name);
    // some clients send microseconds (16 digits and more), as mark-all-as-read's ts
    if (value == null) return null;
    return value >= 100_000_000_000_000L ? Long.valueOf(value / 1_000_000) : value;
  }

  private static Long whole(Function<String, List<String>> params, String name) {
    String text = first(params, name);
    if (text == null || text.isBlank()) return null;
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + ": expected a whole number, got '" + ItemIds.shorten(text) + "'");
    }
  }
}
