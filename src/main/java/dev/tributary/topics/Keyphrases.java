package dev.tributary.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An article's top keyphrases by TF-IDF against the stored corpus, as free tags ("nasal-spray",
 * "default-mode-network"): runs of one to three content words within a sentence, scored by how
 * often the phrase occurs times the mean rarity of its words, longer phrases preferred over the
 * words inside them.
 */
public final class Keyphrases {
  /** How many keyphrases an article gets as tags. */
  public static final int PER_ARTICLE = 3;

  static final int MAX_WORDS = 3;
  static final int MIN_OCCURRENCES = 2;

  /** A single word must recur more, be longer, and not look like a verb or adverb. */
  static final int MIN_SINGLE_WORD_OCCURRENCES = 3;

  static final int MIN_SINGLE_WORD_LENGTH = 5;

  private Keyphrases() {}

  /** A phrase worth ranking; {@code first}: where it first occurs, for its display form. */
  private record Candidate(String key, int first, int words, double score) {}

  public static List<String> top(AnalyzedText text, CorpusStats stats, int n) {
    int size = text.size();
    // Each content word's stem as a small number, the same for the same stem, so that a phrase of
    // up to three words is one long and counting the phrases builds no strings.
    Map<String, Integer> ids = new HashMap<>();
    List<String> stems = new ArrayList<>();
    int[] stemIds = new int[size];
    for (int i = 0; i < size; i++) {
      if (!text.isContentWord(i)) continue;
      Integer id = ids.putIfAbsent(text.stem(i), stems.size());
      if (id == null) {
        id = stems.size();
        stems.add(text.stem(i));
      }
      stemIds[i] = id;
    }
    PhraseCounts phrases = new PhraseCounts(MAX_WORDS * size);
    for (int i = 0; i < size; i++) {
      long key = 0;
      for (int len = 1; len <= MAX_WORDS && i + len <= size; len++) {
        if (!continuesPhrase(text, i, i + len - 1)) break;
        key = key << ID_BITS | (stemIds[i + len - 1] + 1);
        phrases.add(key, i);
      }
    }
    List<Candidate> ranked = new ArrayList<>();
    double[] idfs = new double[stems.size()]; // a stem recurs in many phrases: look it up once
    for (int slot = 0; slot < phrases.keys.length; slot++) {
      long key = phrases.keys[slot];
      if (key == 0) continue;
      int words = words(key);
      int tf = phrases.counts[slot];
      if (tf < (words == 1 ? MIN_SINGLE_WORD_OCCURRENCES : MIN_OCCURRENCES)) continue;
      int first = phrases.firsts[slot];
      if (words == 1 && !isLikelyNoun(text.surface(first))) continue;
      double idf = 0;
      StringBuilder phrase = new StringBuilder();
      for (int w = 0; w < words; w++) {
        int id = stemIds[first + w];
        if (idfs[id] == 0) idfs[id] = stats.idf(stems.get(id)); // at least 1 once looked up
        idf += idfs[id];
        phrase.append(w == 0 ? "" : " ").append(stems.get(id));
      }
      double score = tf * (idf / words) * (1 + 0.5 * (words - 1));
      ranked.add(new Candidate(phrase.toString(), first, words, score));
    }
    ranked.sort(
        Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(Candidate::key));
    List<String> chosen = new ArrayList<>();
    List<String> chosenKeys = new ArrayList<>();
    for (Candidate c : ranked) {
      if (chosen.size() == n) break;
      if (overlaps(c.key(), chosenKeys)) continue;
      chosen.add(display(text, c.first(), c.words()));
      chosenKeys.add(c.key());
    }
    return chosen;
  }

  /** Bits of one stem id (plus one) in a phrase's key: three fit in a long. */
  private static final int ID_BITS = 21;

  /** How many stems the key holds: each is a non-zero field of {@link #ID_BITS}. */
  private static int words(long key) {
    return key >>> (2 * ID_BITS) != 0 ? 3 : key >>> ID_BITS != 0 ? 2 : 1;
  }

  /**
   * Phrase keys (never 0) with how often each occurs and where it first does: an open-addressing
   * table sized once for every phrase an article can have, so it never grows.
   */
  private static final class PhraseCounts {
    final long[] keys;
    final int[] counts;
    final int[] firsts;

    PhraseCounts(int most) {
      int capacity = Integer.highestOneBit(Math.max(8, most + most / 3)) << 1; // load < 3/4
      keys = new long[capacity];
      counts = new int[capacity];
      firsts = new int[capacity];
    }

    void add(long key, int at) {
      int mask = keys.length - 1;
      int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
      while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
      if (keys[slot] == 0) {
        keys[slot] = key;
        firsts[slot] = at;
      }
      counts[slot]++;
    }
  }

  private static boolean isLikelyNoun(String word) {
    return word.length() >= MIN_SINGLE_WORD_LENGTH
        && !endsWithIgnoreCase(word, "ed")
        && !endsWithIgnoreCase(word, "ly")
        && !endsWithIgnoreCase(word, "ing");
  }

  private static boolean endsWithIgnoreCase(String word, String suffix) {
    return word.regionMatches(true, word.length() - suffix.length(), suffix, 0, suffix.length());
  }

  /**
   * The tags an article already has, then the keyphrases that add something: one whose words all
   * appear, in order, inside an existing tag (or the other way round) is left out.
   */
  public static List<String> mergeInto(List<String> tags, List<String> keyphrases) {
    List<String> merged = new ArrayList<>(tags);
    for (String phrase : keyphrases) {
      boolean covered = false;
      for (String tag : merged) {
        String a = "-" + tag + "-";
        String b = "-" + phrase + "-";
        if (a.contains(b) || b.contains(a)) covered = true;
      }
      if (!covered) merged.add(phrase);
    }
    return merged;
  }

  /**
   * Content words only, all in one sentence (and zone) with the first; a phrase may not start or
   * end with a number: word {@code j} may extend the phrase that starts at {@code first}.
   */
  private static boolean continuesPhrase(AnalyzedText text, int first, int j) {
    return text.sentences[j] == text.sentences[first]
        && text.zones[j] == text.zones[first]
        && text.isContentWord(j);
  }

  private static boolean overlaps(String key, List<String> chosen) {
    for (String other : chosen) {
      if ((" " + other + " ").contains(" " + key + " ")
          || (" " + key + " ").contains(" " + other + " ")) {
        return true;
      }
    }
    return false;
  }

  private static String display(AnalyzedText text, int first, int words) {
    StringBuilder tag = new StringBuilder();
    for (int i = first; i < first + words; i++) {
      tag.append(tag.length() == 0 ? "" : "-").append(text.surface(i).toLowerCase(Locale.ROOT));
    }
    return tag.toString();
  }
}
