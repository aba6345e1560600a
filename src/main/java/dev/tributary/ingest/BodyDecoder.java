package dev.tributary.ingest;

import dev.tributary.extract.ExtractionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an uploaded or dropped file into text, refusing what is not a UTF-8 text
 * document. The text comes back without a byte order mark and with LF line endings only.
 */
public final class BodyDecoder {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Above this share of control bytes a file is binary; real text has at most a stray form feed or
   * escape sequence.
   */
  private static final double MAX_CONTROL_SHARE = 0.05;

  private BodyDecoder() {}

  /**
   * The bytes as text.
   *
   * @param maxBytes the largest accepted size in bytes
   * @throws ExtractionException when the file is empty, too large, binary or not UTF-8
   */
  public static String decode(byte[] bytes, long maxBytes) throws ExtractionException {
    if (bytes == null || bytes.length == 0) throw new ExtractionException("file is empty");
    if (bytes.length > maxBytes) {
      throw new ExtractionException(
          "file is too large (" + bytes.length + " bytes, the limit is " + maxBytes + " bytes)");
    }
    rejectBinary(bytes);
    String text = decodeUtf8(bytes, hasBom(bytes) ? UTF8_BOM.length : 0);
    if (text.isBlank()) throw new ExtractionException("file is empty");
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == UTF8_BOM[0]
        && bytes[1] == UTF8_BOM[1]
        && bytes[2] == UTF8_BOM[2];
  }

  private static void rejectBinary(byte[] bytes) throws ExtractionException {
    int controls = 0;
    for (byte b : bytes) {
      if (b == 0) {
        throw new ExtractionException("file looks binary (it contains NUL bytes), expected text");
      }
      if (isControl(b)) controls++;
    }
    if (controls > bytes.length * MAX_CONTROL_SHARE) {
      throw new ExtractionException(
          "file looks binary (" + controls + " control characters), expected text");
    }
  }

  private static boolean isControl(byte b) {
    return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
  }

  private static String decodeUtf8(byte[] bytes, int start) throws ExtractionException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) result = decoder.flush(out);
    if (result.isError()) {
      throw new ExtractionException(
          "file is not valid UTF-8 (byte offset "
              + in.position()
              + "); save it as UTF-8 and try again");
    }
    return out.flip().toString();
  }
}
