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
   * Which hits are items of a list of anything, not only of topics: "tablets, injections and even
   * ketamine infusions", "cocaine, ketamine and 2C-B". Such a list is three or more items in one
   * sentence, joined by commas and, before the last, by "and" or "or" (", and" too); the items
   * between the first and the last are at most {@link #MAX_ITEM_WORDS} words. The first item may be
   * longer only when no hit is in it (its words lead into the list, and are usually its subject:
   * "eleven years of depression, four pills and…"), and the last only with the hit as its first or
   * second word. At least two items hold no hit of the topic: "ketamine, esketamine and arketamine"
   * is about ketamine, and "ketamine, an anaesthetic, is…" is no list (no "and" or "or" before its
   * last part). Hits of topics marked in {@code exempt} (indexed by topic) are never such items.
   *
   * <p>Hits in text order; each sentence holding one is split into parts once.
   */
  static boolean[] itemsOfLists(
      int size, int[] topic, int[] first, int[] last, AnalyzedText text, boolean[] exempt) {
    boolean[] listed = new boolean[size];
    Parts parts = new Parts();
    int[] sentences = text.sentences;
    int sentence = -1;
    for (int index = 0; index < size; index++) {
      int f = first[index];
      int l = last[index];
      if (exempt[topic[index]]) continue;
      if (sentences[f] != sentences[l] || !nearAJoint(text, f, l)) continue;
      if (sentences[f] != sentence) {
        sentence = sentences[f];
        parts.split(text, f);
      }
      listed[index] = parts.holdAsAnItem(index, size, topic, first, last, sentences);
    }
    return listed;
  }

  /** One sentence's parts between commas and "and"/"or", as word ranges. */
  private static final class Parts {
    int[] from = new int[64];
    int[] to = new int[64];
    byte[] joint = new byte[64]; // what joins each part to the one before it
    int count;
    boolean anyConjunction;

    /** Splits the sentence holding word {@code word}. */
    void split(AnalyzedText text, int word) {
      int[] sentences = text.sentences;
      int a = word;
      while (a > 0 && sentences[a - 1] == sentences[word]) a--;
      int b = word;
      while (b + 1 < text.size && sentences[b + 1] == sentences[word]) b++;
      if (b - a + 1 > from.length) {
        from = new int[b - a + 1];
        to = new int[b - a + 1];
        joint = new byte[b - a + 1];
      }
      count = 0;
      anyConjunction = false;
      // A list has a comma: most sentences have none, and are no list (String.indexOf is fast).
      String source = text.source(a);
      int comma = source.indexOf(',', text.starts[a]);
      if (comma < 0 || comma >= text.ends[b] || source != text.source(b)) return;
      byte pending = 0;
      boolean open = false;
      for (int t = a; t <= b; t++) {
        if (isConjunction(text, t)) {
          if (open) count++;
          open = false;
          pending = CONJUNCTION;
          anyConjunction = true;
          continue;
        }
        if (!open) {
          from[count] = t;
          joint[count] = pending;
          open = true;
        }
        to[count] = t;
        if (t < b && commaBetween(text, t)) {
          count++;
          open = false;
          pending = COMMA;
        }
      }
      if (open) count++;
    }

    boolean holdAsAnItem(
        int index, int size, int[] topic, int[] first, int[] last, int[] sentences) {
      if (count < 3 || !anyConjunction) return false;
      int f = first[index];
      int l = last[index];
      int h = 0;
      while (h < count && to[h] < f) h++;
      if (h == count || from[h] > f || to[h] < l) return false; // the hit spans a joint
      // The list's last item: this part after an "and"/"or", or the first such after commas.
      int j = h;
      if (joint[h] != CONJUNCTION) {
        j = h + 1;
        while (j < count && joint[j] == COMMA && words(j) <= MAX_ITEM_WORDS) j++;
        if (j == count || joint[j] != CONJUNCTION) return false;
      }
      // Its first item: back over short parts joined by commas.
      int i = j - 1;
      if (i < 0) return false;
      while (i > 0 && joint[i] == COMMA && words(i) <= MAX_ITEM_WORDS) i--;
      if (j - i + 1 < 3 || h < i) return false;
      if (h == i && words(h) > MAX_ITEM_WORDS) return false;
      if (h == j && words(h) > MAX_ITEM_WORDS && f - from[h] > 1) return false;
      // The hits of this sentence: the neighbours of this one, in text order.
      int lo = index;
      while (lo > 0 && sentences[first[lo - 1]] == sentences[f]) lo--;
      int hi = index;
      while (hi + 1 < size && sentences[first[hi + 1]] == sentences[f]) hi++;
      int others = 0;
      for (int k = i; k <= j; k++) {
        boolean holds = false;
        for (int x = lo; x <= hi && !holds; x++) {
          holds = topic[x] == topic[index] && first[x] >= from[k] && first[x] <= to[k];
        }
        if (!holds) others++;
      }
      return others >= 2;
    }

    private int words(int part) {
      return to[part] - from[part] + 1;
    }
  }

  /**
   * Whether a comma, "and" or "or" is within {@link #MAX_ITEM_WORDS} words of the hit: an item of a
   * list has a joint that near. Most hits have none, and their sentence need not be split.
   */
  private static boolean nearAJoint(AnalyzedText text, int f, int l) {
    int from = Math.max(0, f - MAX_ITEM_WORDS);
    int to = Math.min(text.size - 1, l + MAX_ITEM_WORDS);
    for (int t = from; t <= to; t++) {
      if (isConjunction(text, t) || (t < text.size - 1 && commaBetween(text, t))) return true;
    }
    return false;
  }

  /** Whether a comma stands between word {@code t} and the next. */
  private static boolean commaBetween(AnalyzedText text, int t) {
    String source = text.source(t);
    if (source != text.source(t + 1)) return false;
    for (int c = text.ends[t]; c < text.starts[t + 1]; c++) {
      if (source.charAt(c) == ',') return true;
    }
    return false;
  }

  /** Whether word {@code t} is "and" or "or" (known of each distinct word once). */
  private static boolean isConjunction(AnalyzedText text, int t) {
    return text.words[t].conjunction;
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
