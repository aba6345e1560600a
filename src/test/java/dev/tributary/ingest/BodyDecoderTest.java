package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.extract.ExtractionException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

  private static final long LIMIT = 1024;

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String rejection(byte[] bytes, long limit) {
    return assertThrows(ExtractionException.class, () -> BodyDecoder.decode(bytes, limit))
        .getMessage();
  }

  @Nested
  class Accepts {

    @Test
    void decodesUtf8TextIncludingCurlyQuotes() throws Exception {
      assertEquals("Ketamine’s promise", BodyDecoder.decode(utf8("Ketamine’s promise"), LIMIT));
    }

    @Test
    void stripsTheByteOrderMark() throws Exception {
      byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i'};
      assertEquals("Hi", BodyDecoder.decode(withBom, LIMIT));
    }

    @Test
    void normalisesCrlfAndCrToLf() throws Exception {
      assertEquals("a\nb\nc\n", BodyDecoder.decode(utf8("a\r\nb\rc\r\n"), LIMIT));
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() throws Exception {
      assertEquals("abcd", BodyDecoder.decode(utf8("abcd"), 4));
    }

    @Test
    void keepsTabsAndFormFeedsAsText() throws Exception {
      assertEquals("a\tb\fc", BodyDecoder.decode(utf8("a\tb\fc"), LIMIT));
    }
  }

  @Nested
  class Rejects {

    @Test
    void anEmptyFile() {
      assertEquals("file is empty", rejection(new byte[0], LIMIT));
    }

    @Test
    void aWhitespaceOnlyFile() {
      assertEquals("file is empty", rejection(utf8(" \n\t\r\n "), LIMIT));
    }

    @Test
    void aFileThatIsOnlyAByteOrderMark() {
      assertEquals(
          "file is empty", rejection(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, LIMIT));
    }

    @Test
    void aFileOverTheLimit() {
      String message = rejection(utf8("abcde"), 4);
      assertTrue(message.contains("too large") && message.contains("5 bytes"), message);
    }

    @Test
    void aFileWithNulBytes() {
      String message = rejection(new byte[] {'P', 'K', 3, 4, 0, 0, 'x'}, LIMIT);
      assertTrue(message.contains("binary"), message);
    }

    @Test
    void aFileFullOfControlCharacters() {
      byte[] bytes = utf8("text\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008more");
      String message = rejection(bytes, LIMIT);
      assertTrue(message.contains("binary"), message);
    }

    @Test
    void latin1TextWithTheOffsetOfTheFirstBadByte() {
      byte[] latin1 = "café au lait".getBytes(StandardCharsets.ISO_8859_1);
      String message = rejection(latin1, LIMIT);
      assertTrue(message.contains("not valid UTF-8 (byte offset 3)"), message);
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEnd() {
      byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x80};
      String message = rejection(bytes, LIMIT);
      assertTrue(message.contains("not valid UTF-8 (byte offset 2)"), message);
    }
  }
}
