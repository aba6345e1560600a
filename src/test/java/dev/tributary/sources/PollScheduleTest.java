package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  final PollSchedule schedule = new PollSchedule(new Random(7));

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonoured() {
    Instant next = schedule.afterError(NOW, 60, 1, Duration.ofHours(2));
    assertEquals(NOW.plus(Duration.ofHours(2)), next);
  }

  @Test
  void anAbsurdRetryAfterIsCappedAtTheBackoffCapOf24Hours() {
    Duration asked = RetryAfter.parse("9999999999", NOW);
    Instant next = schedule.afterError(NOW, 900, 1, asked);
    assertEquals(NOW.plus(PollSchedule.MAX_BACKOFF), next, "not the year 2343");
  }

  @Test
  void aRetryAfterOfMoreDigitsThanALongHoldsIsCappedToo() {
    Duration asked = RetryAfter.parse("99999999999999999999999", NOW);
    assertEquals(NOW.plus(PollSchedule.MAX_BACKOFF), schedule.afterError(NOW, 900, 1, asked));
  }

  @Test
  void aShortRetryAfterNeverBringsThePollBeforeTheBackoff() {
    Instant next = schedule.afterError(NOW, 3600, 2, Duration.ofSeconds(5));
    assertTrue(next.isAfter(NOW.plus(Duration.ofMinutes(215))), "backoff of 4 h ± 10 %: " + next);
  }
}
