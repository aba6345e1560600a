package dev.tributary.topics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * How often each content word (as its stem) occurs in an article: the bag of words the example
 * model and keyphrases work on. Stop words, numbers and one- or two-letter words carry no topic and
 * are left out.
 */
public final class TermCounts {
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private final Map<String, Integer> counts;

  public TermCounts(Map<String, Integer> counts) {
    this.counts = Map.copyOf(counts);
  }

  /** Takes {@code counts}, which nothing else holds, without copying it. */
  private TermCounts(HashMap<String, Integer> counts) {
    this.counts = Collections.unmodifiableMap(counts);
  }

  public static TermCounts of(AnalyzedText text) {
    HashMap<String, Integer> counts = new HashMap<>(Math.max(16, text.size())); // never resized
    for (int i = 0; i < text.size; i++) {
      if (text.isContentWord(i)) counts.merge(text.stem(i), 1, Integer::sum);
    }
    return new TermCounts(counts);
  }

  /** Each content stem and how often it occurs; unmodifiable. */
  public Map<String, Integer> counts() {
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TermCounts other && counts.equals(other.counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return "TermCounts" + counts;
  }

  static boolean isContentWord(Token t) {
    return isContentWord(t.surface());
  }

  /** {@code surface}: the word as written, possessive removed. */
  static boolean isContentWord(String surface) {
    String word = surface.toLowerCase(Locale.ROOT);
    return word.length() > 2
        && !STOP_WORDS.contains(word)
        && !isNumber(word)
        && !EXTRA_STOP.contains(word);
  }

  /** Words too common in any article to say what it is about. */
  private static final Set<String> EXTRA_STOP =
      Set.of(
          "also", "can", "may", "might", "more", "most", "many", "much", "one", "some", "than",
          "these", "those", "been", "has", "have", "had", "its", "our", "your", "you", "who",
          "what", "which", "when", "while", "would", "could", "should", "about", "after", "before",
          "over", "other", "such", "only", "very", "just", "even", "like", "new", "said", "says",
          "from", "were", "her", "his", "him", "she", "them", "their", "out");

  /** Whether the word holds no letter: a number, a date, a volume and issue. */
  static boolean isNumber(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) return false;
    }
    return true;
  }

  public Set<String> terms() {
    return counts.keySet();
  }
}
