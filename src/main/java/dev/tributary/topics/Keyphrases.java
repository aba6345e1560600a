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

  /** Up to {@link #MAX_WORDS} stems; a record so that counting phrases builds no strings. */
  private record Phrase(String first, String second, String third) {
    int words() {
      return second == null ? 1 : third == null ? 2 : 3;
    }

    String key() {
      return second == null ? first : first + " " + second + (third == null ? "" : " " + third);
    }
  }

  /** A phrase, where it first occurs and how often it does. */
  private static final class Occurrences {
    final int first;
    int count;

    Occurrences(int first) {
      this.first = first;
    }
  }

  /** A phrase worth ranking; {@code first}: where it first occurs, for its display form. */
  private record Candidate(String key, int first, int words, double score) {}

  public static List<String> top(AnalyzedText text, CorpusStats stats, int n) {
    Map<Phrase, Occurrences> phrases = new HashMap<>(2 * text.size());
    int size = text.size();
    for (int i = 0; i < size; i++) {
      for (int len = 1; len <= MAX_WORDS && i + len <= size; len++) {
        if (!continuesPhrase(text, i, i + len - 1)) break;
        Phrase phrase =
            new Phrase(
                text.stem(i), len > 1 ? text.stem(i + 1) : null, len > 2 ? text.stem(i + 2) : null);
        int first = i;
        phrases.computeIfAbsent(phrase, p -> new Occurrences(first)).count++;
      }
    }
    List<Candidate> ranked = new ArrayList<>();
    Map<String, Double> idfs = new HashMap<>(); // a stem recurs in many phrases: hash it once
    for (Map.Entry<Phrase, Occurrences> e : phrases.entrySet()) {
      Phrase phrase = e.getKey();
      int words = phrase.words();
      int tf = e.getValue().count;
      if (tf < (words == 1 ? MIN_SINGLE_WORD_OCCURRENCES : MIN_OCCURRENCES)) continue;
      int first = e.getValue().first;
      if (words == 1 && !isLikelyNoun(text.surface(first))) continue;
      String key = phrase.key();
      double idf = idfs.computeIfAbsent(phrase.first(), stats::idf);
      if (words > 1) idf += idfs.computeIfAbsent(phrase.second(), stats::idf);
      if (words > 2) idf += idfs.computeIfAbsent(phrase.third(), stats::idf);
      double score = tf * (idf / words) * (1 + 0.5 * (words - 1));
      ranked.add(new Candidate(key, first, words, score));
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

  /** {@code word}: as written, in any case. */
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
