package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContinuationTest {

  @Test
  void roundTripsASequenceNumberOpaquely() {
    String c = Continuation.encode(123_456_789L);
    assertFalse(c.contains("123456789"), "opaque: " + c);
    assertEquals(123_456_789L, Continuation.decode(c));
  }

  @Test
  void refusesWhatThisServerDidNotHandOut() {
    for (String bad : new String[] {"123", "notbase64!", "cjE6", "cjE6LTE", "eDE6NQ"}) {
      assertThrows(Continuation.BadContinuation.class, () -> Continuation.decode(bad), bad);
    }
  }
}
