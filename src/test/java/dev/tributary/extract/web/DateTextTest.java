package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-05T09:30:00+01:00       | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00Z            | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00.123Z        | 2024-03-05T08:30:00.123Z",
        "2024-03-05T09:30:00+0100        | 2024-03-05T08:30:00Z",
        "2024-03-05 09:30:00+01:00       | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30                | 2024-03-05T08:30:00Z",
        "2024-03-05T08:30:00             | 2024-03-05T08:30:00Z",
        "2024-03-05                      | 2024-03-05T00:00:00Z",
        "Tue, 05 Mar 2024 08:30:00 GMT   | 2024-03-05T08:30:00Z",
        "Tue, 5 Mar 2024 09:30:00 +0100  | 2024-03-05T08:30:00Z",
        "2024/03/05                      | 2024-03-05T00:00:00Z",
        "March 5, 2024                   | 2024-03-05T00:00:00Z",
        "Mar 5, 2024                     | 2024-03-05T00:00:00Z",
        "5 March 2024                    | 2024-03-05T00:00:00Z",
        "5th March 2024                  | 2024-03-05T00:00:00Z",
        "Tuesday, March 5, 2024          | 2024-03-05T00:00:00Z",
        "  march   5,  2024              | 2024-03-05T00:00:00Z",
      })
  void readsTheFormatsPagesWrite(String text, String expected) {
    assertEquals(Instant.parse(expected), DateText.parse(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "not a date at all", "2024-13-45", "yesterday", "12:30"})
  void answersNullForWhatIsNoDate(String text) {
    assertNull(DateText.parse(text));
  }

  @org.junit.jupiter.api.Test
  void answersNullForNull() {
    assertNull(DateText.parse(null));
  }
}
