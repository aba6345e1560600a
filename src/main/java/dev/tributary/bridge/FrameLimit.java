package dev.tributary.bridge;

import io.vertx.core.buffer.Buffer;

/**
 * Follows the TCP bridge's framing (a 4-byte big-endian length, then that many bytes of JSON) over
 * a stream read in chunks of any size, and refuses a frame longer than the limit as soon as its
 * length is read — before its bytes are buffered anywhere. Vert.x's bridge itself buffers a frame
 * of any announced length. One instance per connection; not thread-safe (a socket's handler runs on
 * one event loop).
 */
final class FrameLimit {
  private final int maxFrameBytes;
  private int lengthBytesRead;
  private int length;
  private long bodyBytesLeft;

  FrameLimit(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** False when a frame in this chunk announces more than the limit (or a negative length). */
  boolean accepts(Buffer chunk) {
    int i = 0;
    while (i < chunk.length()) {
      if (bodyBytesLeft > 0) {
        int skipped = (int) Math.min(bodyBytesLeft, chunk.length() - i);
        bodyBytesLeft -= skipped;
        i += skipped;
        continue;
      }
      length = (length << 8) | (chunk.getByte(i++) & 0xff);
      if (++lengthBytesRead == 4) {
        if (length < 0 || length > maxFrameBytes) return false;
        bodyBytesLeft = length;
        lengthBytesRead = 0;
        length = 0;
      }
    }
    return true;
  }
}
