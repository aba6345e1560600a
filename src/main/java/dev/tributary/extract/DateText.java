package dev.tributary.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one date parser, for the dates feeds carry and the dates pages write: RFC 822/1123 with or
 * without weekday, seconds or zone, two-digit years, named zones (GMT, EST, PDT, CEST, military
 * letters); ISO 8601 / RFC 3339 with or without separators, seconds, fraction (dropped: whole
 * seconds) or offset, a bracketed zone id after the offset, and date-only or year-month forms;
 * {@code 2024/03/05} and {@code 2024.03.05}; the {@code date(1)}/asctime form; "January 2, 2006
 * 3:04 pm", "5th March 2024". A date without zone is taken as UTC: a wrong hour beats no date at
 * all. Anything else is null, never an exception.
 */
public final class DateText {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2})(?:[T ](\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,]\\d+)?)?)?)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|[A-Z]{1,5})?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOTTED_OR_SLASHED =
      Pattern.compile("(\\d{4})([/.])(\\d{2})\\2(\\d{2})");
  private static final Pattern RFC822 =
      Pattern.compile(
          "(?:[a-z]+\\.?,?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([a-z]+)\\.?,?[\\s-]+(\\d{2,4})"
              + "(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(am|pm)?)?\\s*(.*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "(?:[a-z]+,?\\s+)?([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
              + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm)?)?\\s*(.*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ASCTIME =
      Pattern.compile(
          "[a-z]+\\s+([a-z]+)\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+(?:(\\S+)\\s+)?(\\d{4})",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> ZONE_HOURS =
      Map.ofEntries(
          Map.entry("GMT", 0),
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("Z", 0),
          Map.entry("WET", 0),
          Map.entry("BST", 1),
          Map.entry("CET", 1),
          Map.entry("MET", 1),
          Map.entry("WEST", 1),
          Map.entry("CEST", 2),
          Map.entry("MEST", 2),
          Map.entry("EET", 2),
          Map.entry("EEST", 3),
          Map.entry("MSK", 3),
          Map.entry("JST", 9),
          Map.entry("KST", 9),
          Map.entry("AEST", 10),
          Map.entry("AEDT", 11),
          Map.entry("NZST", 12),
          Map.entry("NZDT", 13),
          Map.entry("AST", -4),
          Map.entry("EDT", -4),
          Map.entry("EST", -5),
          Map.entry("CDT", -5),
          Map.entry("CST", -6),
          Map.entry("MDT", -6),
          Map.entry("MST", -7),
          Map.entry("PDT", -7),
          Map.entry("PST", -8),
          Map.entry("AKDT", -8),
          Map.entry("AKST", -9),
          Map.entry("HST", -10));

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private DateText() {}

  /**
   * The strict form an API client must give (a query's {@code since}, a post's {@code published}):
   * ISO 8601 with an offset or {@code Z}; null for null or blank.
   *
   * @throws DateTimeParseException for anything else, so the client hears of it
   */
  public static Instant strictIso(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(text.trim());
    }
  }

  /** The instant {@code raw} names; null when it is no date this class knows. */
  public static Instant parse(String raw) {
    if (raw == null) {
      return null;
    }
    // Comments such as "(UTC)" and the zone id ISO_ZONED_DATE_TIME appends ("[Europe/Paris]") say
    // no more than the offset before them; pages space dates with no-break spaces.
    String s =
        raw.replaceAll("\\([^)]*\\)|\\[[^\\]]*\\]", " ")
            .replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ")
            .strip();
    if (s.isEmpty() || s.length() > 100) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return iso(m);
      }
      m = DOTTED_OR_SLASHED.matcher(s);
      if (m.matches()) {
        return fromParts(
            year(m.group(1)),
            Integer.parseInt(m.group(3)),
            m.group(4),
            null,
            null,
            null,
            null,
            null);
      }
      m = RFC822.matcher(s);
      if (m.matches()) {
        return fromParts(
            year(m.group(3)),
            month(m.group(2)),
            m.group(1),
            m.group(4),
            m.group(5),
            m.group(6),
            m.group(7),
            m.group(8));
      }
      m = MONTH_FIRST.matcher(s);
      if (m.matches()) {
        return fromParts(
            year(m.group(3)),
            month(m.group(1)),
            m.group(2),
            m.group(4),
            m.group(5),
            m.group(6),
            m.group(7),
            m.group(8));
      }
      m = ASCTIME.matcher(s);
      if (m.matches()) {
        return fromParts(
            year(m.group(7)),
            month(m.group(1)),
            m.group(2),
            m.group(3),
            m.group(4),
            m.group(5),
            null,
            m.group(6));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Instant iso(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    ZoneOffset offset = offset(m.group(7));
    if (offset == null) {
      return null;
    }
    return at(year, month, day, m.group(4), m.group(5), m.group(6), null, offset);
  }

  private static Instant fromParts(
      int year,
      int month,
      String day,
      String hour,
      String minute,
      String second,
      String amPm,
      String zone) {
    if (month < 1) {
      return null;
    }
    ZoneOffset offset = offset(zone);
    if (offset == null) {
      return null;
    }
    return at(year, month, Integer.parseInt(day), hour, minute, second, amPm, offset);
  }

  private static Instant at(
      int year,
      int month,
      int day,
      String hour,
      String minute,
      String second,
      String amPm,
      ZoneOffset offset) {
    int h = hour == null ? 0 : Integer.parseInt(hour);
    if (amPm != null) {
      h = h % 12 + (amPm.equalsIgnoreCase("pm") ? 12 : 0);
    }
    int min = minute == null ? 0 : Integer.parseInt(minute);
    int sec = second == null ? 0 : Math.min(59, Integer.parseInt(second));
    boolean endOfDay = h == 24 && min == 0 && sec == 0;
    LocalDateTime local = LocalDateTime.of(year, month, day, endOfDay ? 0 : h, min, sec);
    return (endOfDay ? local.plusDays(1) : local).toInstant(offset);
  }

  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y < 50 ? 2000 + y : 1900 + y;
    }
    return y;
  }

  private static int month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (lower.startsWith(MONTHS[i])) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The offset a zone text means; UTC when there is none; null when it is not a zone. */
  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    String z = zone.strip().toUpperCase(Locale.ROOT);
    if (z.startsWith("+") || z.startsWith("-")) {
      String digits = z.substring(1).replace(":", "");
      if (!digits.matches("\\d{1,2}|\\d{4}")) {
        return null;
      }
      int hours = Integer.parseInt(digits.length() == 4 ? digits.substring(0, 2) : digits);
      int minutes = digits.length() == 4 ? Integer.parseInt(digits.substring(2)) : 0;
      int sign = z.startsWith("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    if (z.startsWith("GMT") || z.startsWith("UTC")) {
      return z.length() == 3 ? ZoneOffset.UTC : offset(z.substring(3));
    }
    Integer hours = ZONE_HOURS.get(z);
    if (hours != null) {
      return ZoneOffset.ofHours(hours);
    }
    // RFC 822 military zones had their signs reversed in practice; RFC 2822 says read them as UTC.
    return z.matches("[A-IK-Z]") ? ZoneOffset.UTC : null;
  }
}
