package dev.tributary.sources.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML feed into text. The order follows CommaFeed and what feeds in the wild
 * need: a byte-order mark wins; then the UTF-16/32 shape of {@code <?xml}; then the encoding the
 * XML declaration names; then the HTTP {@code charset}; then UTF-8 when the bytes are valid UTF-8,
 * else windows-1252 (the usual encoding of undeclared legacy feeds).
 */
final class FeedCharset {

  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern HTTP_CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private FeedCharset() {}

  static String decode(byte[] body, String contentType) throws FeedParseException {
    Charset fromBytes = byBom(body);
    int skip = bomLength(body);
    if (fromBytes == null) {
      fromBytes = byShape(body);
    }
    Charset charset = fromBytes != null ? fromBytes : byDeclarationOrHeader(body, contentType);
    return decodeLeniently(body, skip, charset);
  }

  private static Charset byBom(byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return StandardCharsets.UTF_8;
    }
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return UTF_32BE;
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return UTF_32LE;
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16BE;
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return 3;
    }
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return 4;
    }
    return startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE) ? 2 : 0;
  }

  /** UTF-16/32 without a BOM, recognised by how {@code <} or {@code <?} is spelt. */
  private static Charset byShape(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
      return UTF_32BE;
    }
    if (startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
      return UTF_32LE;
    }
    if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F) || startsWith(b, 0x00, 0x3C)) {
      return StandardCharsets.UTF_16BE;
    }
    if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00) || startsWith(b, 0x3C, 0x00)) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static Charset byDeclarationOrHeader(byte[] body, String contentType)
      throws FeedParseException {
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
    Matcher declared = DECLARED.matcher(head);
    String unsupported = null;
    if (declared.find()) {
      String name = declared.group(1).strip();
      Charset charset = asciiCompatible(name);
      if (charset != null) {
        return charset;
      }
      if (!isKnown(name)) {
        unsupported = name;
      }
    }
    Charset fromHeader = contentType == null ? null : httpCharset(contentType);
    if (fromHeader != null) {
      return fromHeader;
    }
    if (isValidUtf8(body)) {
      return StandardCharsets.UTF_8;
    }
    if (unsupported != null) {
      throw new FeedParseException(
          FeedParseException.Reason.UNSUPPORTED_ENCODING,
          "The feed declares the character encoding \""
              + unsupported
              + "\", which Tributary cannot decode; ask the publisher to serve UTF-8.");
    }
    return WINDOWS_1252;
  }

  private static Charset httpCharset(String contentType) {
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? asciiCompatible(m.group(1)) : null;
  }

  /**
   * The named charset when it is supported and reads {@code <?xml} as ASCII does; a declaration of
   * UTF-16 in a document whose bytes are plainly 8-bit is a lie and is ignored.
   */
  private static Charset asciiCompatible(String name) {
    if (!isKnown(name)) {
      return null;
    }
    Charset charset = Charset.forName(name);
    if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
      // As browsers do (WHATWG Encoding): servers label windows-1252 text "latin-1" or "ascii".
      return WINDOWS_1252;
    }
    String canonical = charset.name().toUpperCase(Locale.ROOT);
    if (canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32")) {
      return null;
    }
    return charset;
  }

  private static boolean isKnown(String name) {
    try {
      return !name.isEmpty() && Charset.isSupported(name);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  private static boolean isValidUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decodeLeniently(byte[] body, int skip, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(body, skip, body.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
