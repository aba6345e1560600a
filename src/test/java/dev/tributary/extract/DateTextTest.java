package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one date parser, over the dates feeds carry and the dates pages write. */
class DateTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Thu, 01 Jan 2004 19:48:21 GMT | 2004-01-01T19:48:21Z",
        "01 Jan 2004 19:48:21 +0100 | 2004-01-01T18:48:21Z",
        "Thu, 1 Jan 04 19:48 EST | 2004-01-02T00:48:00Z",
        "Thu, 01 January 2004 19:48:21 PDT | 2004-01-02T02:48:21Z",
        "Mon, 23 Jun 2014 15:37:14 +0000 (UTC) | 2014-06-23T15:37:14Z",
        "2003-12-31T10:14:55Z | 2003-12-31T10:14:55Z",
        "2003-12-31T10:14:55.123-08:00 | 2003-12-31T18:14:55Z",
        "2003-12-31 10:14:55 | 2003-12-31T10:14:55Z",
        "20031231T101455Z | 2003-12-31T10:14:55Z",
        "2003-12-31 | 2003-12-31T00:00:00Z",
        "2003-12 | 2003-12-01T00:00:00Z",
        "2003-12-31T10:14+0530 | 2003-12-31T04:44:00Z",
        "Sun Jan  4 16:29:06 PST 2004 | 2004-01-05T00:29:06Z",
        "January 2, 2006 3:04 pm | 2006-01-02T15:04:00Z",
        "Wed, 02 Oct 2002 08:00:00 GMT+2 | 2002-10-02T06:00:00Z",
      })
  void readsDatesSeenInFeeds(String raw, String expected) {
    assertEquals(Instant.parse(expected), DateText.parse(raw));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-05T09:30:00+01:00       | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00Z            | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00.123Z        | 2024-03-05T08:30:00Z",
        "2024-03-05T09:30:00+0100        | 2024-03-05T08:30:00Z",
        "2024-03-05 09:30:00+01:00       | 2024-03-05T08:30:00Z",
        "2024-03-05T09:30:00+01:00[Europe/Paris] | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30                | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00             | 2024-03-05T08:30:00Z",
        "2024-03-05                      | 2024-03-05T00:00:00Z",
        "Tue, 05 Mar 2024 08:30:00 GMT   | 2024-03-05T08:30:00Z",
        "Tue, 5 Mar 2024 09:30:00 +0100  | 2024-03-05T08:30:00Z",
        "2024/03/05                      | 2024-03-05T00:00:00Z",
        "2024.03.05                      | 2024-03-05T00:00:00Z",
        "March 5, 2024                   | 2024-03-05T00:00:00Z",
        "Mar 5, 2024                     | 2024-03-05T00:00:00Z",
        "Mar. 5, 2024                    | 2024-03-05T00:00:00Z",
        "5 March 2024                    | 2024-03-05T00:00:00Z",
        "5th March 2024                  | 2024-03-05T00:00:00Z",
        "Tuesday, March 5, 2024          | 2024-03-05T00:00:00Z",
        "  march   5,  2024              | 2024-03-05T00:00:00Z",
        "5\u00A0March\u00A02024        | 2024-03-05T00:00:00Z",
      })
  void readsTheFormatsPagesWrite(String text, String expected) {
    assertEquals(Instant.parse(expected), DateText.parse(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "   ",
        "soon",
        "yesterday",
        "not a date at all",
        "2003-13-45",
        "2024/13/45",
        "Thu, 32 Foo 2004",
        "99:99",
        "12:30"
      })
  void unreadableDatesAreNull(String raw) {
    assertNull(DateText.parse(raw));
  }

  @Test
  void nullIsNull() {
    assertNull(DateText.parse(null));
  }

  @Test
  void strictIsoTakesAnOffsetOrZAndNothingLooser() {
    assertEquals(
        Instant.parse("2026-11-21T09:00:00Z"), DateText.strictIso("2026-11-21T10:00:00+01:00"));
    assertEquals(
        Instant.parse("2026-11-21T10:00:00Z"), DateText.strictIso(" 2026-11-21T10:00:00Z "));
    assertNull(DateText.strictIso(" "));
    assertThrows(DateTimeParseException.class, () -> DateText.strictIso("2026-11-21"));
    assertThrows(DateTimeParseException.class, () -> DateText.strictIso("Sat, 21 Nov 2026"));
  }
}
