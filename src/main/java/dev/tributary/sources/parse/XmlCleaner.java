package dev.tributary.sources.parse;

import java.util.regex.Pattern;

/**
 * Makes decoded feed text safe and acceptable to a strict XML parser before it gets one: drops
 * characters XML 1.0 cannot carry, refuses a DOCTYPE that declares anything, and removes a DOCTYPE
 * that only names an external DTD (RSS 0.91 feeds carry Netscape's) without ever fetching it.
 */
final class XmlCleaner {

  private static final Pattern TRUNCATED_END_TAG = Pattern.compile("</[A-Za-z_][\\w:.-]*$");

  private XmlCleaner() {}

  static String clean(String text) throws FeedParseException {
    String xml = withoutInvalidCharacters(text);
    int start = leadingJunkEnd(xml);
    return closeTruncatedEndTag(withoutUppercaseHexReferences(withoutDoctype(xml, start).strip()));
  }

  /** {@code &#X41;} is common and harmless, but XML only knows {@code &#x41;}. */
  private static String withoutUppercaseHexReferences(String xml) {
    return xml.contains("&#X") ? xml.replace("&#X", "&#x") : xml;
  }

  /** A body cut one character short ({@code </rss}) is otherwise complete; finish its last tag. */
  private static String closeTruncatedEndTag(String xml) {
    return TRUNCATED_END_TAG.matcher(xml).find() ? xml + ">" : xml;
  }

  /** Removes code points outside XML 1.0's {@code Char} production and a stray leading BOM. */
  static String withoutInvalidCharacters(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean keep = isXmlChar(cp) && !(i == 0 && cp == 0xFEFF);
      if (!keep && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (keep && out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** White space before the first markup would make the XML declaration illegal. */
  private static int leadingJunkEnd(String xml) {
    int i = 0;
    while (i < xml.length() && Character.isWhitespace(xml.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String withoutDoctype(String xml, int from) throws FeedParseException {
    int doctype = Prolog.doctypeStart(xml, from);
    if (doctype < 0) {
      return from == 0 ? xml : xml.substring(from);
    }
    int end = doctypeEnd(xml, doctype);
    return xml.substring(from, doctype) + xml.substring(end);
  }

  /** The index just after the DOCTYPE's closing {@code >}; refuses an internal subset. */
  private static int doctypeEnd(String xml, int start) throws FeedParseException {
    char quote = 0;
    for (int i = start + "<!DOCTYPE".length(); i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        throw hostile();
      } else if (c == '>') {
        return i + 1;
      }
    }
    throw new FeedParseException(
        FeedParseException.Reason.MALFORMED, "The feed's DOCTYPE declaration is never closed.");
  }

  static FeedParseException hostile() {
    return new FeedParseException(
        FeedParseException.Reason.HOSTILE,
        "Hostile XML refused: the document declares entities or other DTD content in a DOCTYPE,"
            + " which can expand without bound (billion laughs) or read local files (XXE).");
  }
}
