package dev.tributary.extract.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the dates pages write: ISO-8601 in its common variants (with or without offset, seconds or
 * the "T"), RFC 1123, and plain written dates such as "5 March 2024" or "March 5, 2024". A date or
 * time without a zone is taken as UTC: a wrong hour beats no date at all.
 */
final class DateText {
  private DateText() {}

  private static final List<DateTimeFormatter> ZONED =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ISO_ZONED_DATE_TIME,
          pattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]XXX"),
          pattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]XX"),
          DateTimeFormatter.RFC_1123_DATE_TIME,
          pattern("[EEE, ][EEEE, ]d MMM uuuu HH:mm[:ss] zzz"));

  private static final List<DateTimeFormatter> LOCAL_TIMES =
      List.of(pattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"));

  private static final List<DateTimeFormatter> LOCAL_DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          pattern("uuuu/MM/dd"),
          pattern("uuuu.MM.dd"),
          pattern("[EEEE, ][EEE, ]MMMM d[','] uuuu"),
          pattern("[EEEE, ][EEE, ]MMM d[','] uuuu"),
          pattern("[EEEE, ][EEE, ]MMM'.' d[','] uuuu"),
          pattern("[EEEE, ][EEE, ]d MMMM[','] uuuu"),
          pattern("[EEEE, ][EEE, ]d MMM[','] uuuu"));

  /** The instant {@code text} names; {@code null} if it is no date this class knows. */
  static Instant parse(String text) {
    String date = Texts.squash(text);
    if (date == null) return null;
    date = date.replaceFirst("(?<=\\d)(st|nd|rd|th)\\b", "");
    for (DateTimeFormatter format : ZONED) {
      Instant parsed = tryParse(date, format, ZonedDateTime::from, ZonedDateTime::toInstant);
      if (parsed != null) return parsed;
    }
    for (DateTimeFormatter format : LOCAL_TIMES) {
      Instant parsed =
          tryParse(date, format, LocalDateTime::from, time -> time.toInstant(ZoneOffset.UTC));
      if (parsed != null) return parsed;
    }
    for (DateTimeFormatter format : LOCAL_DATES) {
      Instant parsed =
          tryParse(
              date, format, LocalDate::from, day -> day.atStartOfDay().toInstant(ZoneOffset.UTC));
      if (parsed != null) return parsed;
    }
    return null;
  }

  private static <T> Instant tryParse(
      String text,
      DateTimeFormatter format,
      Function<TemporalAccessor, T> query,
      Function<T, Instant> toInstant) {
    try {
      return toInstant.apply(format.parse(text, query::apply));
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }
}
