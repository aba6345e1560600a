package dev.tributary.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

/**
 * Lets every record Tributary sends on the event bus travel by reference. One {@link LocalCodec}
 * serves them all, chosen by a codec selector, so this package names no other package's types: each
 * package owns its messages, and a new record needs no registration here.
 *
 * <p>Vert.x consults the selector only after its own codecs (strings, numbers, JSON, buffers) and
 * any codec registered as a type's default, so a message that must leave the instance (a clustered
 * event, as JSON) gets its own default codec and this rule still covers the rest.
 */
public final class Codecs {
  private static final String OUR_TYPES = "dev.tributary.";

  private Codecs() {}

  /** Idempotent per Vert.x instance. */
  public static synchronized void register(Vertx vertx) {
    var marker = vertx.sharedData().getLocalMap("tributary.codecs");
    if (marker.putIfAbsent("registered", true) != null) return;
    EventBus bus = vertx.eventBus();
    bus.registerCodec(new LocalCodec());
    bus.codecSelector(Codecs::select);
  }

  /**
   * Our records (immutable by the project's rule) go by reference; anything else is left to Vert.x,
   * which refuses a type it has no codec for.
   */
  static String select(Object body) {
    return body instanceof Record && body.getClass().getName().startsWith(OUR_TYPES)
        ? LocalCodec.NAME
        : null;
  }
}
