package dev.tributary.topics;

/**
 * Which mentions are items of an enumeration ("depression, anxiety, PTSD and OCD"): a passing
 * mention, weighed less (docs/TOPICS.md, "Score"). Mentions are given as parallel arrays in text
 * order: each one's topic and its first and last word.
 */
final class Enumerations {
  private Enumerations() {}

  /**
   * Hits sorted by position; a hit is listed when it is an item of an enumeration of topics: three
   * or more items in a row joined by list separators ("depression, anxiety, PTSD and OCD"), or two
   * joined by a comma, a slash, a semicolon or "or" ("depression or anxiety"). Two joined by a bare
   * "and" are a pair of subjects ("ketamine and treatment-resistant depression"), not a list. Hits
   * that overlap are one item ("treatment-resistant depression" holds "depression").
   */
  static boolean isListed(
      int index, int size, int[] topic, int[] first, int[] last, AnalyzedText text) {
    int items = 1;
    boolean pairedByAnd = false;
    // Backwards: item by item, while the words between are only a list separator.
    int item = index;
    int itemFirst = first[index];
    for (int j = index - 1; j >= 0 && items < 3; j--) {
      if (last[j] >= itemFirst) {
        itemFirst = Math.min(itemFirst, first[j]);
        continue;
      }
      int joint = joint(j, last[j], item, itemFirst, topic, first, text);
      if (joint == NOT_JOINED) break;
      if (items == 1) pairedByAnd = joint == JOINED_BY_AND;
      items++;
      item = j;
      itemFirst = first[j];
    }
    int before = items - 1;
    item = index;
    int itemLast = last[index];
    for (int j = index + 1; j < size && items < 3; j++) {
      if (first[j] <= itemLast) {
        itemLast = Math.max(itemLast, last[j]);
        continue;
      }
      int joint = joint(item, itemLast, j, first[j], topic, first, text);
      if (joint == NOT_JOINED) break;
      if (items == 1 + before && before == 0) pairedByAnd = joint == JOINED_BY_AND;
      items++;
      item = j;
      itemLast = last[j];
    }
    return items >= 3 || (items == 2 && !pairedByAnd);
  }

  private static final int NOT_JOINED = 0;
  private static final int JOINED = 1;
  private static final int JOINED_BY_AND = 2;

  /**
   * How the item of hit {@code a}, ending at word {@code lastWord}, and the next item, of hit
   * {@code b} and starting at word {@code nextWord}, are joined: not (another sentence, the same
   * topic, or words between them), by a list separator, or by a bare "and".
   */
  private static int joint(
      int a, int lastWord, int b, int nextWord, int[] topic, int[] first, AnalyzedText text) {
    int[] sentences = text.sentences;
    if (sentences[first[a]] != sentences[nextWord] || topic[a] == topic[b]) {
      return NOT_JOINED;
    }
    String source = text.source(lastWord);
    int from = text.ends[lastWord];
    int to = Math.max(from, text.starts[nextWord]);
    if (!isListSeparator(source, from, to)) return NOT_JOINED;
    return isBareAnd(source, from, to) ? JOINED_BY_AND : JOINED;
  }

  /** Whether {@code text[from, to)} is "and" with only spaces and brackets around it. */
  private static boolean isBareAnd(String text, int from, int to) {
    int i = from;
    while (i < to && isFiller(text.charAt(i))) i++;
    return i + 3 <= to && text.startsWith("and", i) && onlyFiller(text, i + 3, to);
  }

  /**
   * Whether {@code text[from, to)} is only commas, brackets, slashes, "and", "or" — what the
   * regular expression {@code [\s()\[\]]*(,|/|;|\band\b|\bor\b|,\s*(and|or)\b)[\s()\[\]]*} matches,
   * checked character by character. (Its word boundaries always hold where the rest matches: the
   * neighbours of "and"/"or" are then spaces, brackets, a comma or the ends.)
   */
  static boolean isListSeparator(String text, int from, int to) {
    int i = from;
    while (i < to && isFiller(text.charAt(i))) i++;
    if (i == to) return false;
    char c = text.charAt(i);
    if (c == ',') {
      int j = i + 1;
      while (j < to && isSpace(text.charAt(j))) j++;
      int word = conjunctionAt(text, j, to);
      if (word > 0) return onlyFiller(text, j + word, to);
      return onlyFiller(text, i + 1, to);
    }
    if (c == '/' || c == ';') return onlyFiller(text, i + 1, to);
    int word = conjunctionAt(text, i, to);
    return word > 0 && onlyFiller(text, i + word, to);
  }

  /** Length of "and" or "or" at {@code i}, or 0. */
  private static int conjunctionAt(String text, int i, int to) {
    if (i + 3 <= to && text.startsWith("and", i)) return 3;
    if (i + 2 <= to && text.startsWith("or", i)) return 2;
    return 0;
  }

  private static boolean onlyFiller(String text, int from, int to) {
    for (int i = from; i < to; i++) if (!isFiller(text.charAt(i))) return false;
    return true;
  }

  /** {@code [\s()\[\]]}. */
  private static boolean isFiller(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '[' || c == ']';
  }

  /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
