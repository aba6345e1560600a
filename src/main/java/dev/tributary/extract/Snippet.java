package dev.tributary.extract;

/** Shortens text for titles and summaries without cutting a word in half. */
final class Snippet {

  private static final String ELLIPSIS = "…";

  private Snippet() {}

  /** The text itself when it fits in {@code max} chars, otherwise its start and "…". */
  static String cut(String text, int max) {
    if (text.length() <= max) return text;
    int limit = max - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(limit - 1))) limit--;
    int space = text.lastIndexOf(' ', limit);
    // A single giant "word" (a URL, say) is cut mid-word rather than dropped.
    String head = space > limit / 2 ? text.substring(0, space) : text.substring(0, limit);
    return stripTrailingPunctuation(head) + ELLIPSIS;
  }

  private static String stripTrailingPunctuation(String text) {
    int end = text.length();
    while (end > 0 && ",;:-–—( ".indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.substring(0, end);
  }
}
