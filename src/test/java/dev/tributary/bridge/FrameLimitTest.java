package dev.tributary.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class FrameLimitTest {
  static Buffer frame(int length) {
    return Buffer.buffer().appendInt(length).appendBytes(new byte[length]);
  }

  @Test
  void passesFramesUpToTheLimitBackToBack() {
    FrameLimit limit = new FrameLimit(10);
    assertTrue(limit.accepts(frame(10).appendBuffer(frame(0)).appendBuffer(frame(3))));
  }

  @Test
  void refusesAFrameAnnouncingMoreThanTheLimit() {
    assertFalse(new FrameLimit(10).accepts(Buffer.buffer().appendInt(11)));
  }

  @Test
  void refusesANegativeLength() {
    assertFalse(new FrameLimit(10).accepts(Buffer.buffer().appendInt(-1)));
  }

  @Test
  void readsALengthSplitAcrossChunks() {
    FrameLimit limit = new FrameLimit(300);
    Buffer announced = Buffer.buffer().appendInt(301);
    assertTrue(limit.accepts(announced.getBuffer(0, 3)));
    assertFalse(limit.accepts(announced.getBuffer(3, 4)));
  }

  @Test
  void findsTheNextLengthAfterABodySplitAcrossChunks() {
    FrameLimit limit = new FrameLimit(8);
    Buffer stream = frame(8).appendInt(9);
    assertTrue(limit.accepts(stream.getBuffer(0, 6)));
    assertTrue(limit.accepts(stream.getBuffer(6, 12)));
    assertFalse(limit.accepts(stream.getBuffer(12, stream.length())));
  }
}
