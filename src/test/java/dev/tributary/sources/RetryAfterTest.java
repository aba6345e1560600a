package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse(" 0 ", NOW));
  }

  @Test
  void readsHttpDatesInAllThreeForms() {
    assertEquals(Duration.ofMinutes(5), RetryAfter.parse("Sat, 21 Nov 2026 10:05:00 GMT", NOW));
    assertEquals(Duration.ofMinutes(5), RetryAfter.parse("Saturday, 21-Nov-26 10:05:00 GMT", NOW));
    assertEquals(Duration.ofMinutes(5), RetryAfter.parse("Sat Nov 21 10:05:00 2026", NOW));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertEquals(Duration.ZERO, RetryAfter.parse("Fri, 20 Nov 2026 10:00:00 GMT", NOW));
  }

  @Test
  void ignoresAbsentOrUnreadableValues() {
    assertNull(RetryAfter.parse(null, NOW));
    assertNull(RetryAfter.parse("", NOW));
    assertNull(RetryAfter.parse("soon", NOW));
    assertNull(RetryAfter.parse("-5", NOW));
  }
}
