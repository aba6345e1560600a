package dev.tributary.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds every term, phrase, acronym, exclusion and negation of every topic in one pass over an
 * article. Patterns live in two word tries (stems, and surface forms for acronyms) keyed by the
 * words' ids in the analyzer's vocabulary; at each word the matcher walks at most {@code
 * longestPattern} steps, so cost follows article length, not the number of topics. A word in no
 * pattern has id -1 and starts no walk.
 */
public final class TopicMatcher {

  /** What a matched pattern means for its topic. */
  public enum Kind {
    SIGNAL,
    EXCLUSION,
    SENSE,
    NEGATION,
    CONTEXT,
    /** A counted word before its count is checked; {@link #find} makes it a signal or drops it. */
    COUNTED,
    /**
     * A phrase that refers back to the topic once named ("the drug"); the scorer counts it only
     * after a mention of the topic, in a full article.
     */
    REFERENCE
  }

  /** Words before a counted word that its count may stand at ("two full courses of …"). */
  public static final int COUNT_WINDOW = 3;

  /** Words that count in twos or more, in lower case, as written (not stemmed: "severe"). */
  private static final java.util.Set<String> SEVERAL =
      java.util.Set.of(
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "fifteen",
          "twenty",
          "dozen",
          "several",
          "multiple",
          "numerous");

  /**
   * Words that end the phrase a count belongs to: an article starts another ("six weeks a standard
   * antidepressant needs"), and a span of time is what was counted ("two weeks on
   * antidepressants").
   */
  private static final java.util.Set<String> NOT_COUNTED =
      java.util.Set.of(
          "a", "an", "the", "days", "weeks", "months", "years", "hours", "times", "of");

  /**
   * A pattern found in the text.
   *
   * @param topic index into the taxonomy's topics, or -1 for a negation or a context word
   * @param first index of the first word
   * @param last index of the last word, inclusive
   */
  public record Match(int topic, Kind kind, int first, int last, boolean counted) {
    public Match(int topic, Kind kind, int first, int last) {
      this(topic, kind, first, last, false);
    }
  }

  /**
   * Whether {@code matches} hold at least {@code needed} distinct words of the field's context (any
   * number when {@code needed} is 0 or less).
   */
  static boolean hasFieldWords(List<Match> matches, int needed) {
    if (needed <= 0) return true;
    BitSet words = new BitSet();
    int distinct = 0;
    for (Match m : matches) {
      if (m.kind() != Kind.CONTEXT || words.get(m.last())) continue;
      words.set(m.last());
      if (++distinct >= needed) return true;
    }
    return false;
  }

  private record Entry(int topic, Kind kind) {}

  private static final int[] NO_KEYS = {};
  private static final Node[] NO_NODES = {};
  private static final Entry[] NO_ENTRIES = {};

  /** A trie node: children by word id (sorted), and the patterns that end here. */
  private static final class Node {
    int[] keys = NO_KEYS;
    Node[] children = NO_NODES;
    Entry[] entries = NO_ENTRIES;

    Node child(int key) {
      int[] k = keys;
      if (k.length <= 8) {
        for (int i = 0; i < k.length; i++) if (k[i] == key) return children[i];
        return null;
      }
      int i = Arrays.binarySearch(k, key);
      return i >= 0 ? children[i] : null;
    }

    Node childOrNew(int key) {
      int i = Arrays.binarySearch(keys, key);
      if (i >= 0) return children[i];
      int at = -i - 1;
      Node node = new Node();
      int n = keys.length;
      int[] k = Arrays.copyOf(keys, n + 1);
      Node[] c = Arrays.copyOf(children, n + 1);
      System.arraycopy(k, at, k, at + 1, n - at);
      System.arraycopy(c, at, c, at + 1, n - at);
      k[at] = key;
      c[at] = node;
      keys = k;
      children = c;
      return node;
    }

    void add(Entry entry) {
      for (Entry e : entries) if (e.equals(entry)) return;
      entries = Arrays.copyOf(entries, entries.length + 1);
      entries[entries.length - 1] = entry;
    }
  }

  private final TextAnalyzer.Vocabulary vocabulary;
  private final Node stems = new Node();
  private final Node surfaces = new Node();

  /** The tries' first level as arrays indexed by word id. */
  private final Node[] stemRoots;

  private final Node[] surfaceRoots;
  private final int epoch;
  private int longestPattern = 1;

  public TopicMatcher(Taxonomy taxonomy, TextAnalyzer analyzer) {
    this.vocabulary = analyzer.vocabulary;
    List<Topic> topics = taxonomy.topics();
    for (int i = 0; i < topics.size(); i++) {
      Topic topic = topics.get(i);
      Entry signal = new Entry(i, Kind.SIGNAL);
      for (String term : topic.terms()) {
        add(stems, analyzer.words(term), false, signal, topic, term);
      }
      for (String phrase : topic.phrases()) {
        add(stems, analyzer.words(phrase), false, signal, topic, phrase);
      }
      for (String acronym : topic.acronyms()) {
        add(surfaces, analyzer.words(acronym), true, signal, topic, acronym);
      }
      for (String word : topic.exact()) {
        for (String written : writtenForms(word)) {
          add(surfaces, analyzer.words(written), true, signal, topic, word);
        }
      }
      for (String word : topic.counted()) {
        add(stems, analyzer.words(word), false, new Entry(i, Kind.COUNTED), topic, word);
      }
      for (String phrase : topic.exclude()) {
        add(stems, analyzer.words(phrase), false, new Entry(i, Kind.EXCLUSION), topic, phrase);
      }
      for (String phrase : topic.senses()) {
        add(stems, analyzer.words(phrase), false, new Entry(i, Kind.SENSE), topic, phrase);
      }
      for (String phrase : topic.references()) {
        add(stems, analyzer.words(phrase), false, new Entry(i, Kind.REFERENCE), topic, phrase);
      }
    }
    for (String cue : taxonomy.negations()) {
      add(stems, analyzer.words(cue), false, new Entry(-1, Kind.NEGATION), null, cue);
    }
    for (String word : taxonomy.context()) {
      add(stems, analyzer.words(word), false, new Entry(-1, Kind.CONTEXT), null, word);
    }
    this.stemRoots = roots(stems);
    this.surfaceRoots = roots(surfaces);
    this.epoch = vocabulary.epoch;
  }

  public List<Match> find(AnalyzedText text) {
    int size = text.size();
    int[] stemIds = text.stemIds;
    int[] surfaceIds = text.surfaceIds;
    if (text.vocabulary != vocabulary || text.epoch < epoch) {
      // Analysed by another analyzer, or before this matcher's words were known: look them up.
      stemIds = new int[size];
      surfaceIds = new int[size];
      for (int i = 0; i < size; i++) {
        stemIds[i] = vocabulary.stemId(text.stem(i));
        surfaceIds[i] = vocabulary.surfaceId(text.surface(i));
      }
    }
    int[] sentences = text.sentences;
    List<Match> matches = new ArrayList<>(Math.max(16, size / 4));
    Node[] stemRoots = this.stemRoots;
    Node[] surfaceRoots = this.surfaceRoots;
    for (int i = 0; i < size; i++) {
      int id = stemIds[i];
      Node node;
      if (id >= 0 && id < stemRoots.length && (node = stemRoots[id]) != null) {
        int found = matches.size();
        walk(node, stemIds, sentences, size, i, matches);
        if (matches.size() > found) countOrDrop(text, i, matches, found);
      }
      id = surfaceIds[i];
      if (id >= 0 && id < surfaceRoots.length && (node = surfaceRoots[id]) != null) {
        int found = matches.size();
        walk(node, surfaceIds, sentences, size, i, matches);
        if (matches.size() > found) excludeAfterANumber(text, i, matches, found);
      }
    }
    return matches;
  }

  /**
   * Turns each counted match found at word {@code i} into a signal that starts at its count, or
   * drops it when no count of two or more comes at most {@link #COUNT_WINDOW} words before it in
   * its sentence.
   */
  private static void countOrDrop(AnalyzedText text, int i, List<Match> matches, int from) {
    int count = -1;
    for (int k = from; k < matches.size(); k++) {
      Match match = matches.get(k);
      if (match.kind() != Kind.COUNTED) continue;
      if (count == -1) count = countBefore(text, i);
      if (count >= 0) {
        matches.set(k, new Match(match.topic(), Kind.SIGNAL, count, match.last(), true));
      } else {
        matches.remove(k--);
      }
    }
  }

  /**
   * The nearest word before {@code i} that counts two or more, in its sentence and its phrase; -2
   * if none.
   */
  private static int countBefore(AnalyzedText text, int i) {
    for (int j = i - 1; j >= Math.max(0, i - COUNT_WINDOW); j--) {
      if (text.sentences[j] != text.sentences[i]) break;
      String word = text.surface(j).toLowerCase(java.util.Locale.ROOT);
      if (SEVERAL.contains(word) || isCountFromTwo(word)) return j;
      if (NOT_COUNTED.contains(word)) break;
    }
    return -2;
  }

  /**
   * A number written in digits, from 2 to 99 (a trial's "312 antidepressant users" is no count).
   */
  private static boolean isCountFromTwo(String word) {
    if (word.isEmpty() || word.length() > 2) return false;
    for (int c = 0; c < word.length(); c++) if (!Character.isDigit(word.charAt(c))) return false;
    return Integer.parseInt(word) >= 2;
  }

  /**
   * A one-letter acronym right after a number is a unit or a count, not the acronym: "a 14-K night"
   * (strikeouts), "14 K gold", "a 5 K run", and so it is after an ordinal ("his 200th K"). Each
   * such signal gets an exclusion on the number, which {@code ?explain=true} shows as what vetoed
   * it.
   */
  private static void excludeAfterANumber(AnalyzedText text, int i, List<Match> matches, int from) {
    if (i == 0 || text.sentences[i - 1] != text.sentences[i]) return;
    if (text.ends[i] - text.starts[i] > 3) return; // "K", "K's": no longer word is one letter
    if (text.surface(i).length() != 1 || !isNumberOrOrdinal(text.surface(i - 1))) return;
    for (int k = from, n = matches.size(); k < n; k++) {
      Match match = matches.get(k);
      if (match.kind() == Kind.SIGNAL && match.last() == i) {
        matches.add(new Match(match.topic(), Kind.EXCLUSION, i - 1, i - 1));
      }
    }
  }

  /**
   * "14", "1,000", "3.5" ({@link TermCounts#isNumber}), or an ordinal in digits: "200th", "1st".
   */
  static boolean isNumberOrOrdinal(String word) {
    if (TermCounts.isNumber(word)) return true;
    int n = word.length();
    if (n < 3 || !Character.isDigit(word.charAt(0))) return false;
    String suffix = word.substring(n - 2).toLowerCase(java.util.Locale.ROOT);
    boolean ordinal =
        suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th");
    return ordinal && TermCounts.isNumber(word.substring(0, n - 2));
  }

  private void walk(Node node, int[] ids, int[] sentences, int size, int first, List<Match> out) {
    for (Entry entry : node.entries) out.add(new Match(entry.topic(), entry.kind(), first, first));
    int sentence = sentences[first];
    int end = Math.min(size, first + longestPattern);
    for (int j = first + 1; j < end && sentences[j] == sentence; j++) {
      int id = ids[j];
      if (id < 0 || (node = node.child(id)) == null) return;
      for (Entry entry : node.entries) out.add(new Match(entry.topic(), entry.kind(), first, j));
    }
  }

  /**
   * The ways an exact word is written: lower case, its first word capitalised (a sentence's start),
   * every word capitalised (a headline), upper case.
   */
  static java.util.Set<String> writtenForms(String words) {
    String lower = words.toLowerCase(java.util.Locale.ROOT);
    StringBuilder titled = new StringBuilder(lower.length());
    boolean start = true;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      titled.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    String first =
        lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    return new java.util.LinkedHashSet<>(
        List.of(lower, first, titled.toString(), words.toUpperCase(java.util.Locale.ROOT)));
  }

  private static Node[] roots(Node root) {
    int max = -1;
    for (int key : root.keys) max = Math.max(max, key);
    Node[] roots = new Node[max + 1];
    for (int i = 0; i < root.keys.length; i++) roots[root.keys[i]] = root.children[i];
    return roots;
  }

  private void add(
      Node root, List<Token> words, boolean surface, Entry entry, Topic topic, String pattern) {
    if (words.isEmpty()) {
      String owner = topic == null ? "negations or context" : "topic '" + topic.slug() + "'";
      throw new TaxonomyException(owner + ": \"" + pattern + "\" contains no words");
    }
    Node node = root;
    for (Token word : words) {
      int id = surface ? vocabulary.addSurface(word.surface()) : vocabulary.addStem(word.stem());
      node = node.childOrNew(id);
    }
    node.add(entry);
    longestPattern = Math.max(longestPattern, words.size());
  }
}
