package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Web pages decoded by the HTTP header, the BOM and the meta declaration. */
class BodyCharsetTest {

  static final String WORDS = "Café résumé — naïve";
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static String page(String head) {
    return "<!doctype html><html><head>"
        + head
        + "<title>t</title></head><body><p>"
        + WORDS
        + "</p></body></html>";
  }

  static String body(String decoded) {
    return decoded.substring(decoded.indexOf("<p>") + 3, decoded.indexOf("</p>"));
  }

  @Test
  void aMetaCharsetDeclaresTheEncoding() {
    byte[] bytes = page("<meta charset=\"windows-1252\">").getBytes(WINDOWS_1252);
    assertEquals(WORDS, body(BodyCharset.decodeHtml(bytes, "text/html")));
  }

  @Test
  void aMetaHttpEquivContentTypeDeclaresTheEncoding() {
    byte[] bytes =
        page("<!-- a comment --><meta content='text/html; charset=ISO-8859-1' http-equiv='Content-Type'>")
            .getBytes(WINDOWS_1252);
    assertEquals(WORDS, body(BodyCharset.decodeHtml(bytes, null)), "latin-1 read as windows-1252");
  }

  @Test
  void theHttpHeaderWinsOverTheMetaDeclaration() {
    byte[] bytes = page("<meta charset=\"utf-8\">").getBytes(WINDOWS_1252);
    assertEquals(WORDS, body(BodyCharset.decodeHtml(bytes, "text/html; charset=windows-1252")));
  }

  @Test
  void aByteOrderMarkWinsOverEverything() {
    byte[] page = page("<meta charset=\"windows-1252\">").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[page.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(page, 0, withBom, 3, page.length);
    String decoded = BodyCharset.decodeHtml(withBom, "text/html; charset=iso-8859-1");
    assertEquals(WORDS, body(decoded));
    assertEquals('<', decoded.charAt(0), "the BOM itself is dropped");
  }

  @Test
  void anUndeclaredPageIsUtf8WhenItIsValidUtf8ElseWindows1252() {
    assertEquals(
        WORDS, body(BodyCharset.decodeHtml(page("").getBytes(StandardCharsets.UTF_8), null)));
    assertEquals(WORDS, body(BodyCharset.decodeHtml(page("").getBytes(WINDOWS_1252), null)));
  }

  @Test
  void anUnknownLabelFallsThroughToTheNextClue() {
    byte[] bytes = page("<meta charset=\"x-no-such-charset\">").getBytes(StandardCharsets.UTF_8);
    assertEquals(WORDS, body(BodyCharset.decodeHtml(bytes, "text/html; charset=bogus")));
  }
}
