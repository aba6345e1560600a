package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void roundTripsThroughItsOpaqueText() {
    Cursor c = new Cursor(1_700_000_000_123L, 42);
    assertEquals(c, Cursor.decode(c.encode()).orElseThrow());
  }

  @Test
  void rejectsTextItDidNotIssue() {
    assertTrue(Cursor.decode("garbage!").isEmpty());
    assertTrue(Cursor.decode("").isEmpty());
    assertTrue(Cursor.decode("MjoxOjI").isEmpty()); // "2:1:2", another version
  }
}
