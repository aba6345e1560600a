package dev.tributary.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * A codec for immutable records sent on the local event bus: the receiver gets the same instance,
 * no copy. Not for the wire: clustering needs a serialising codec.
 */
public final class LocalCodec implements MessageCodec<Object, Object> {
  /** The codec's name, which {@link Codecs} selects for our records. */
  public static final String NAME = "tributary.local";

  @Override
  public void encodeToWire(Buffer buffer, Object value) {
    throw new UnsupportedOperationException(
        NAME + " is local only: " + value.getClass().getName() + " cannot leave this instance");
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException(NAME + " is local only");
  }

  @Override
  public Object transform(Object value) {
    return value;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
