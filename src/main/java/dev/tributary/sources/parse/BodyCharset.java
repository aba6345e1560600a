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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the bytes of a fetched body into text: the one decoder of every reader of the web (feeds,
 * OPML, web pages and the pages feed discovery reads), as Miniflux has one in {@code
 * internal/reader/encoding}. Both orders start with a byte-order mark and end with UTF-8 when the
 * bytes are valid UTF-8, else windows-1252 (the usual encoding of undeclared legacy text); labels
 * are read as browsers read them (WHATWG Encoding: "latin-1" and "ascii" mean windows-1252).
 *
 * <p>XML ({@link #decodeXml}), as CommaFeed does: the BOM; the UTF-16/32 shape of {@code <?xml};
 * the encoding the XML declaration names; the HTTP {@code charset}.
 *
 * <p>HTML ({@link #decodeHtml}), as the HTML standard's encoding sniffing does: the BOM; the HTTP
 * {@code charset}; a {@code <meta charset>} or {@code <meta http-equiv="Content-Type"
 * content="…charset=…">} in the first {@value #META_SCAN_BYTES} bytes (read by jsoup, so comments,
 * attribute order and quoting are handled as a browser would).
 */
public final class BodyCharset {

  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern HTTP_CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How far into a page its {@code <meta>} charset declaration is looked for. */
  static final int META_SCAN_BYTES = 4096;

  private BodyCharset() {}

  /** An XML document (feed, OPML) as text. */
  static String decodeXml(byte[] body, String contentType) throws FeedParseException {
    Charset fromBytes = byBom(body);
    int skip = bomLength(body);
    if (fromBytes == null) {
      fromBytes = byShape(body);
    }
    Charset charset = fromBytes != null ? fromBytes : byDeclarationOrHeader(body, contentType);
    return decodeLeniently(body, skip, charset);
  }

  /** A web page as text; never fails (an unknown label falls through to the next clue). */
  public static String decodeHtml(byte[] body, String contentType) {
    Charset charset = byBom(body);
    if (charset == null && contentType != null) charset = httpCharset(contentType);
    if (charset == null) charset = byMeta(body);
    if (charset == null) charset = isValidUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    return decodeLeniently(body, bomLength(body), charset);
  }

  /** The charset a {@code <meta>} near the start of the page declares, or null. */
  private static Charset byMeta(byte[] body) {
    // ISO-8859-1 maps each byte to one char, so the ASCII markup reads the same in any
    // ASCII-compatible encoding; the page is decoded properly once the label is known.
    String head =
        new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Document page = Jsoup.parse(head);
    for (Element meta : page.select("meta[charset], meta[http-equiv][content]")) {
      String label =
          meta.hasAttr("charset")
              ? meta.attr("charset").strip()
              : meta.attr("http-equiv").equalsIgnoreCase("content-type")
                  ? charsetParameter(meta.attr("content"))
                  : null;
      Charset charset = label == null || label.isEmpty() ? null : asciiCompatible(label);
      if (charset != null) return charset;
    }
    return null;
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
    String label = charsetParameter(contentType);
    return label == null ? null : asciiCompatible(label);
  }

  /** The {@code charset} parameter of a Content-Type value, or null. */
  private static String charsetParameter(String contentType) {
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
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
