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

  /** Most words of an item of a list of anything ("even ketamine infusions" is three). */
  static final int MAX_ITEM_WORDS = 3;

  private static final byte COMMA = 1;
  private static final byte CONJUNCTION = 2;

  /**
   * Whether hit {@code index} is an item of a list of anything, not only of topics: "tablets,
   * injections and even ketamine infusions", "cocaine, ketamine and 2C-B". Such a list is three or
   * more items in one sentence, joined by commas and, before the last, by "and" or "or" (", and"
   * too); the items between the first and the last are at most {@link #MAX_ITEM_WORDS} words. The
   * first item may carry the words that lead into the list ("samples included cocaine") and the
   * last the words after it, so a hit in a longer first or last item must be within its last or
   * first {@link #MAX_ITEM_WORDS} words. At least two items hold no hit of the topic: "ketamine,
   * esketamine and arketamine" is about ketamine, and "ketamine, an anaesthetic, is…" is no list
   * (no "and" or "or" before its last part).
   */
  static boolean isItemOfAList(
      int index, int size, int[] topic, int[] first, int[] last, AnalyzedText text) {
    int f = first[index];
    int l = last[index];
    int[] sentences = text.sentences;
    if (sentences[f] != sentences[l]) return false;
    int a = f;
    while (a > 0 && sentences[a - 1] == sentences[f]) a--;
    int b = l;
    while (b + 1 < text.size && sentences[b + 1] == sentences[f]) b++;
    // The sentence's parts between commas and "and"/"or", as word ranges, each with the joint
    // before it.
    int[] from = new int[b - a + 1];
    int[] to = new int[b - a + 1];
    byte[] joint = new byte[b - a + 1];
    int parts = 0;
    byte pending = 0;
    boolean open = false;
    for (int t = a; t <= b; t++) {
      if (isConjunction(text, t)) {
        if (open) parts++;
        open = false;
        pending = CONJUNCTION;
        continue;
      }
      if (!open) {
        from[parts] = t;
        joint[parts] = pending;
        open = true;
      }
      to[parts] = t;
      if (t < b
          && text.source(t).indexOf(',', text.ends[t]) >= 0
          && text.source(t).indexOf(',', text.ends[t]) < text.starts[t + 1]) {
        parts++;
        open = false;
        pending = COMMA;
      }
    }
    if (open) parts++;
    int h = 0;
    while (h < parts && to[h] < f) h++;
    if (h == parts || from[h] > f || to[h] < l) return false; // the hit spans a joint
    // The list's last item: this part after an "and"/"or", or the first such after commas.
    int j = h;
    if (joint[h] != CONJUNCTION) {
      j = h + 1;
      while (j < parts && joint[j] == COMMA && words(from, to, j) <= MAX_ITEM_WORDS) j++;
      if (j == parts || joint[j] != CONJUNCTION) return false;
    }
    // Its first item: back over short parts joined by commas.
    int i = j - 1;
    if (i < 0) return false;
    while (i > 0 && joint[i] == COMMA && words(from, to, i) <= MAX_ITEM_WORDS) i--;
    if (j - i + 1 < 3 || h < i) return false;
    if (h == i && words(from, to, h) > MAX_ITEM_WORDS) return false;
    if (h == j && words(from, to, h) > MAX_ITEM_WORDS && f - from[h] > 1) return false;
    int others = 0;
    for (int k = i; k <= j; k++)
      if (!holdsTopic(k, from, to, topic[index], size, topic, first)) others++;
    return others >= 2;
  }

  private static int words(int[] from, int[] to, int part) {
    return to[part] - from[part] + 1;
  }

  private static boolean holdsTopic(
      int part, int[] from, int[] to, int wanted, int size, int[] topic, int[] first) {
    for (int k = 0; k < size; k++) {
      if (topic[k] == wanted && first[k] >= from[part] && first[k] <= to[part]) return true;
    }
    return false;
  }

  /** Whether word {@code t} is "and" or "or". */
  private static boolean isConjunction(AnalyzedText text, int t) {
    String source = text.source(t);
    int start = text.starts[t];
    int length = text.ends[t] - start;
    return (length == 3 && source.regionMatches(true, start, "and", 0, 3))
        || (length == 2 && source.regionMatches(true, start, "or", 0, 2));
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
