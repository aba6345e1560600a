package dev.tributary.topics;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a mention is a word of an institution's or a journal's name ("the Linwood Anxiety and OCD
 * Service", "the Annals of Compulsive Behavior"): a name says what the place or the journal is
 * about, not what the item is, so such a mention weighs as a passing one.
 *
 * <p>A name is a run of capitalised words, joined at most by "and", "of", "for" or "the", in one
 * sentence of the body (a headline capitalises every word), that holds the mention, a capitalised
 * word before it (the mention opens no sentence), and a word that names an institution or a
 * publication besides the mention's own.
 */
final class ProperNames {
  /** Longest name looked at on either side of the mention, in words. */
  private static final int REACH = 6;

  private static final Set<String> CONNECTORS = Set.of("and", "of", "for", "the", "&");

  /** Words that make a run of capitalised words a name of a place, a body or a publication. */
  private static final Set<String> INSTITUTIONS =
      Set.of(
          "clinic",
          "clinics",
          "centre",
          "center",
          "unit",
          "service",
          "services",
          "institute",
          "hospital",
          "programme",
          "program",
          "society",
          "foundation",
          "association",
          "trust",
          "network",
          "alliance",
          "college",
          "journal",
          "review",
          "reports",
          "letters",
          "annals",
          "bulletin",
          "quarterly",
          "proceedings");

  private ProperNames() {}

  static boolean inAName(AnalyzedText text, int first, int last) {
    if (text.zones[first] == Token.Zone.TITLE.ordinal()) return false;
    if (!capitalised(text, first)) return false;
    int sentence = text.sentences[first];
    int start = first;
    while (start > 0
        && first - start < REACH
        && text.sentences[start - 1] == sentence
        && (capitalised(text, start - 1) || isConnector(text, start - 1))) {
      start--;
    }
    while (start < first && isConnector(text, start)) start++;
    if (start == first) return false; // the mention opens the run: it may open the sentence
    int end = last;
    while (end + 1 < text.size
        && end - last < REACH
        && text.sentences[end + 1] == sentence
        && (capitalised(text, end + 1) || isConnector(text, end + 1))) {
      end++;
    }
    for (int i = start; i <= end; i++) {
      if (i >= first && i <= last) continue;
      if (INSTITUTIONS.contains(text.surface(i).toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  private static boolean capitalised(AnalyzedText text, int i) {
    return Character.isUpperCase(text.source(i).charAt(text.starts[i]));
  }

  private static boolean isConnector(AnalyzedText text, int i) {
    return text.ends[i] - text.starts[i] <= 3
        && CONNECTORS.contains(text.surface(i).toLowerCase(Locale.ROOT));
  }
}
