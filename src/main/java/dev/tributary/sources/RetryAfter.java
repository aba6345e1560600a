package dev.tributary.sources;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads a Retry-After header: delay-seconds or an HTTP date (RFC 9110 §10.2.3). Pure. */
public final class RetryAfter {

  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          // obsolete forms a server may still send: RFC 850 and asctime
          DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US),
          DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US)
              .withZone(java.time.ZoneOffset.UTC));

  private RetryAfter() {}

  /**
   * The delay the header asks for, measured from {@code now}; zero for a date in the past, null
   * when the header is absent or unreadable.
   */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : seconds(value);
    }
    String single = value.replaceAll("\\s+", " ");
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Instant when = ZonedDateTime.parse(single, format).toInstant();
        return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  private static Duration seconds(String digits) {
    return Duration.ofSeconds(Long.parseLong(digits));
  }
}
