package dev.tributary.sources.parse;

import java.util.Locale;

/** Walks the start of an XML document: declaration, comments, processing instructions, DOCTYPE. */
final class Prolog {

  private Prolog() {}

  /** Where the DOCTYPE starts, or -1 when the prolog has none. */
  static int doctypeStart(String xml, int from) {
    int i = skipMisc(xml, from);
    return startsWithIgnoreCase(xml, i, "<!DOCTYPE") ? i : -1;
  }

  /**
   * The local name of the root element (prefix kept, e.g. {@code rdf:RDF}), or null when the text
   * does not start like XML.
   */
  static String rootName(String xml) {
    int i = skipMisc(xml, 0);
    if (startsWithIgnoreCase(xml, i, "<!DOCTYPE")) {
      int end = xml.indexOf('>', i);
      if (end < 0) {
        return null;
      }
      i = skipMisc(xml, end + 1);
    }
    if (i >= xml.length() || xml.charAt(i) != '<') {
      return null;
    }
    int end = i + 1;
    while (end < xml.length() && isNameChar(xml.charAt(end))) {
      end++;
    }
    return end > i + 1 ? xml.substring(i + 1, end) : null;
  }

  /** Skips white space, the XML declaration, comments and processing instructions. */
  private static int skipMisc(String xml, int from) {
    int i = from;
    while (i < xml.length()) {
      char c = xml.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i + 2);
        if (end < 0) {
          return xml.length();
        }
        i = end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i + 4);
        if (end < 0) {
          return xml.length();
        }
        i = end + 3;
      } else {
        return i;
      }
    }
    return i;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.';
  }

  private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
