package dev.tributary.publish;

import dev.tributary.article.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The two dates of an entry, chosen to stay truthful and stable and, for {@code atom:updated}, to
 * differ between any two entries of a feed (docs/ARCHITECTURE.md, "Feed dates").
 *
 * <p><b>Updated</b> is when the article was stored, to the millisecond. The store keeps those
 * instants distinct: each new article is stored at least a millisecond after the one before it
 * (store/StoredTimes), so entries that arrive together — a burst dropped into the inbox, one group
 * commit — no longer share their {@code atom:updated}, which the W3C validator warns about and
 * which is not what RFC 4287 means by the instant an entry changed. The value is the article's own,
 * the same in every feed and every render. Three fraction digits, not more: Rome, and other readers
 * built on Java's date patterns, read any fraction as milliseconds.
 *
 * <p><b>Published</b> is the article's date at whole seconds (so Atom, RSS and JSON Feed agree),
 * but never later than the article was stored: a later date is a source's clock running ahead. A
 * date before 1990 is a source's mistake (a missing date read as 1970); the entry then carries none
 * rather than repeat it — the field is optional in every format — and the validator's "Implausible
 * date" warning has nothing to point at.
 */
final class EntryTimes {
  /** Dates before this are taken for a source's mistake (the validator's threshold too). */
  static final Instant PLAUSIBLE_FROM = Instant.parse("1990-01-01T00:00:00Z");

  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private EntryTimes() {}

  /** The published date to show, at whole seconds; null when the article's is implausible. */
  static Instant published(Article article) {
    Instant published = article.published();
    if (published == null || published.isBefore(PLAUSIBLE_FROM)) return null;
    Instant stored = article.ingested();
    return (published.isAfter(stored) ? stored : published).truncatedTo(ChronoUnit.SECONDS);
  }

  /** When the article was stored, to the millisecond. */
  static Instant updated(Article article) {
    return article.ingested().truncatedTo(ChronoUnit.MILLIS);
  }

  /** RFC 3339 in UTC with three fraction digits, as {@code atom:updated} carries it. */
  static String rfc3339(Instant instant) {
    return RFC3339_MILLIS.format(instant);
  }
}
