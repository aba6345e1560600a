package dev.tributary.sources;

import dev.tributary.sources.FetchException.Reason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perHost} fetches in flight to one host; the rest wait in a bounded first-come
 * queue, so one slow host cannot take every connection. Safe to share between event loops: a waiter
 * is woken on its own context.
 */
final class HostSlots {

  private record Waiter(Context context, Promise<Void> granted) {}

  private static final class Slot {
    int inUse;
    final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  }

  private final int perHost;
  private final int maxWaiting;
  private final Map<String, Slot> slots = new HashMap<>();

  HostSlots(int perHost, int maxWaiting) {
    this.perHost = perHost;
    this.maxWaiting = maxWaiting;
  }

  /** Completes when a slot for this host is ours; fails at once when the queue is full. */
  synchronized Future<Void> acquire(String host, Context context) {
    Slot slot = slots.computeIfAbsent(host, h -> new Slot());
    if (slot.inUse < perHost) {
      slot.inUse++;
      return Future.succeededFuture();
    }
    if (slot.waiting.size() >= maxWaiting) {
      return Future.failedFuture(
          new FetchException(
              Reason.CONNECT,
              "too many fetches waiting for "
                  + host
                  + " ("
                  + maxWaiting
                  + " queued behind "
                  + perHost
                  + " in flight)"));
    }
    Promise<Void> granted = Promise.promise();
    slot.waiting.add(new Waiter(context, granted));
    return granted.future();
  }

  /** Gives the slot to the next waiter, or frees it. */
  void release(String host) {
    Waiter next;
    synchronized (this) {
      Slot slot = slots.get(host);
      if (slot == null) {
        return;
      }
      next = slot.waiting.poll();
      if (next == null && --slot.inUse == 0) {
        slots.remove(host);
      }
    }
    if (next != null) {
      Waiter handedOver = next;
      handedOver.context().runOnContext(v -> handedOver.granted().complete());
    }
  }

  /** Fetches in flight to this host, for tests. */
  synchronized int inUse(String host) {
    Slot slot = slots.get(host);
    return slot == null ? 0 : slot.inUse;
  }
}
