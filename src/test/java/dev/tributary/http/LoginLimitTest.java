package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginLimitTest {
  private final LoginLimit limit = new LoginLimit();

  @Test
  void anAddressWaitsAfterFiveFailuresUntilItsMinuteIsOver() {
    long t0 = 1_000_000;
    for (int i = 0; i < LoginLimit.FAILURES; i++) {
      assertEquals(0, limit.waitSeconds("10.0.0.1", t0 + i));
      limit.failed("10.0.0.1", t0 + i);
    }
    assertEquals(60, limit.waitSeconds("10.0.0.1", t0 + 10));
    assertEquals(1, limit.waitSeconds("10.0.0.1", t0 + 59_500));
    assertEquals(0, limit.waitSeconds("10.0.0.1", t0 + 60_000));
    assertEquals(0, limit.waitSeconds("10.0.0.2", t0 + 10), "other addresses are not held");
  }

  @Test
  void aFailureAfterTheWindowStartsANewOne() {
    for (int i = 0; i < LoginLimit.FAILURES; i++) limit.failed("a", 0);
    limit.failed("a", 60_000);
    assertEquals(0, limit.waitSeconds("a", 60_001));
  }
}
