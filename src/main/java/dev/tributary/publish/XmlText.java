package dev.tributary.publish;

/**
 * Removes characters XML 1.0 cannot carry: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
 * and unpaired surrogates. Emoji (valid surrogate pairs) and right-to-left text are kept.
 */
public final class XmlText {
  private XmlText() {}

  public static String clean(String text) {
    if (text == null || isAllAllowed(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(XmlText::isAllowed).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static boolean isAllAllowed(String text) {
    return text.codePoints().allMatch(XmlText::isAllowed);
  }

  /** The XML 1.0 {@code Char} production; an unpaired surrogate arrives here as itself. */
  static boolean isAllowed(int codePoint) {
    return codePoint == 0x9
        || codePoint == 0xA
        || codePoint == 0xD
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }
}
