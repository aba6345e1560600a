package dev.tributary.publish;

import java.nio.charset.Charset;

/**
 * Makes text fit for a feed. Removes what XML 1.0 cannot carry: C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF and unpaired surrogates. Also what the W3C validator flags as bad characters:
 * C1 controls (U+0080-U+009F), which in an article are always windows-1252 punctuation read as
 * Latin-1 and so become that punctuation ({@code \u0092} → ’), and U+FFFD, the mark a decoder left
 * for bytes it could not read, which says nothing to a reader. Emoji (valid surrogate pairs) and
 * right-to-left text are kept.
 */
public final class XmlText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private XmlText() {}

  public static String clean(String text) {
    if (text == null || isAllAllowed(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .map(XmlText::windows1252)
        .filter(XmlText::isAllowed)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static boolean isAllAllowed(String text) {
    return text.codePoints().allMatch(XmlText::isAllowed);
  }

  /** A C1 control as the windows-1252 character of that byte (U+FFFD for its five holes). */
  private static int windows1252(int codePoint) {
    if (codePoint < 0x80 || codePoint > 0x9F) return codePoint;
    return new String(new byte[] {(byte) codePoint}, WINDOWS_1252).codePointAt(0);
  }

  /**
   * The XML 1.0 {@code Char} production without C1 controls and U+FFFD; an unpaired surrogate
   * arrives here as itself.
   */
  static boolean isAllowed(int codePoint) {
    return codePoint == 0x9
        || codePoint == 0xA
        || codePoint == 0xD
        || (codePoint >= 0x20 && codePoint < 0x80)
        || (codePoint > 0x9F && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint < 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }
}
