package dev.tributary.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestGateTest {
  private final List<Promise<String>> started = new ArrayList<>();

  private Future<String> work() {
    Promise<String> p = Promise.promise();
    started.add(p);
    return p.future();
  }

  @Test
  void runsAtMostPermitsAtOnceAndTheRestInArrivalOrder() {
    IngestGate gate = new IngestGate("test", 2, 10);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) results.add(gate.submit(this::work));
    assertEquals(2, started.size());
    assertEquals(2, gate.inFlight());
    assertEquals(3, gate.waiting());

    started.get(0).complete("a");
    assertEquals(3, started.size(), "a finished request hands its permit to the next in line");
    assertEquals("a", results.get(0).result());
    assertEquals(2, gate.inFlight());

    started.get(1).fail("b failed");
    started.get(2).complete("c");
    started.get(3).complete("d");
    started.get(4).complete("e");
    assertTrue(results.get(1).failed(), "a failure is passed on, and still frees the permit");
    assertEquals("e", results.get(4).result());
    assertEquals(0, gate.inFlight());
    assertEquals(0, gate.waiting());
  }

  @Test
  void refusesAtOnceWhenThePermitsAndTheQueueAreFull() {
    IngestGate gate = new IngestGate("api", 1, 1);
    gate.submit(this::work);
    gate.submit(this::work);
    assertTrue(gate.saturated());
    Future<String> refused = gate.submit(this::work);
    assertTrue(refused.failed());
    assertInstanceOf(IngestGate.Saturated.class, refused.cause());
    assertTrue(refused.cause().getMessage().startsWith("api ingest is saturated"));
    assertEquals(1, started.size(), "refused work never runs");

    started.get(0).complete("x");
    assertFalse(gate.saturated());
  }

  @Test
  void workThatThrowsReleasesItsPermit() {
    IngestGate gate = new IngestGate("inbox", 1, 0);
    Future<String> thrown =
        gate.submit(
            () -> {
              throw new IllegalStateException("boom");
            });
    assertTrue(thrown.failed());
    assertEquals(0, gate.inFlight());
    assertTrue(gate.submit(this::work).succeeded() || started.size() == 1);
  }
}
