package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.sources.FetchException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class LimitedBodyTest {

  static final byte[] TEXT =
      "A feed body long enough to be worth compressing. "
          .repeat(200)
          .getBytes(StandardCharsets.UTF_8);

  static byte[] feedInPieces(LimitedBody body, byte[] wire, int piece) {
    for (int i = 0; i < wire.length; i += piece) {
      body.accept(Arrays.copyOfRange(wire, i, Math.min(wire.length, i + piece)));
    }
    return body.finish();
  }

  @Test
  void decodesGzipArrivingOneByteAtATime() {
    byte[] wire = WebPlayground.gzip(TEXT);
    assertArrayEquals(TEXT, feedInPieces(LimitedBody.forEncoding("gzip", 1 << 20), wire, 1));
  }

  @Test
  void decodesConcatenatedGzipMembers() {
    byte[] one = WebPlayground.gzip(TEXT);
    byte[] two = Arrays.copyOf(one, one.length * 2);
    System.arraycopy(one, 0, two, one.length, one.length);
    byte[] expected = Arrays.copyOf(TEXT, TEXT.length * 2);
    System.arraycopy(TEXT, 0, expected, TEXT.length, TEXT.length);
    assertArrayEquals(expected, feedInPieces(LimitedBody.forEncoding("x-gzip", 1 << 20), two, 7));
  }

  @Test
  void decodesZlibAndRawDeflate() {
    assertArrayEquals(
        TEXT,
        feedInPieces(
            LimitedBody.forEncoding("deflate", 1 << 20), WebPlayground.deflate(TEXT), 100));
    Deflater raw = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    raw.setInput(TEXT);
    raw.finish();
    byte[] out = new byte[TEXT.length];
    int n = raw.deflate(out);
    raw.end();
    assertArrayEquals(
        TEXT,
        feedInPieces(LimitedBody.forEncoding("deflate", 1 << 20), Arrays.copyOf(out, n), 100));
  }

  @Test
  void stopsABombAtTheLimitOfDecodedBytes() {
    byte[] bomb = WebPlayground.gzip(new byte[16 * 1024 * 1024]);
    LimitedBody body = LimitedBody.forEncoding("gzip", 100_000);
    FetchException e = assertThrows(FetchException.class, () -> feedInPieces(body, bomb, 8192));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(body.size() <= 100_000);
    body.release();
  }

  @Test
  void stopsAPlainBodyAtTheLimit() {
    LimitedBody body = LimitedBody.forEncoding(null, 10);
    body.accept(new byte[10]);
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(FetchException.class, () -> body.accept(new byte[1])).reason());
  }

  @Test
  void refusesATruncatedOrCorruptOrMislabelledBody() {
    byte[] wire = WebPlayground.gzip(TEXT);
    LimitedBody truncated = LimitedBody.forEncoding("gzip", 1 << 20);
    truncated.accept(Arrays.copyOf(wire, wire.length - 3));
    assertEquals(Reason.PROTOCOL, assertThrows(FetchException.class, truncated::finish).reason());

    byte[] corrupt = wire.clone();
    corrupt[corrupt.length - 6] ^= 0x55; // inside the CRC
    LimitedBody bad = LimitedBody.forEncoding("gzip", 1 << 20);
    assertEquals(
        Reason.PROTOCOL,
        assertThrows(FetchException.class, () -> feedInPieces(bad, corrupt, 64)).reason());

    LimitedBody notGzip = LimitedBody.forEncoding("gzip", 1 << 20);
    assertEquals(
        Reason.PROTOCOL, assertThrows(FetchException.class, () -> notGzip.accept(TEXT)).reason());

    assertEquals(
        Reason.PROTOCOL,
        assertThrows(FetchException.class, () -> LimitedBody.forEncoding("br", 10)).reason());
  }

  @Test
  void anEmptyGzipLabelledBodyIsEmpty() {
    assertEquals(0, LimitedBody.forEncoding("gzip", 10).finish().length);
  }
}
