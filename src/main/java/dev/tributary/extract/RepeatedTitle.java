package dev.tributary.extract;

import dev.tributary.article.ArticleIds;
import java.util.Locale;

/**
 * Recognises copies of the title inside the body, including copies with a few stray words glued on
 * (sample 003's "ketamine Unlocking Hope: …"), ignoring case, punctuation and spacing.
 */
final class RepeatedTitle {

  private static final int MAX_STRAY_WORDS = 3;

  /** Shorter titles only match exactly, or a body line like "Ketamine works" would vanish. */
  private static final int MIN_WORDS_FOR_STRAY_MATCH = 4;

  private final String title;
  private final int titleWords;

  RepeatedTitle(String title) {
    this.title = normalise(title);
    this.titleWords = this.title.isEmpty() ? 0 : this.title.split(" ").length;
  }

  boolean matches(String text) {
    // Lower-casing never joins two words, so a text with more words than a match can have is no
    // copy: most paragraphs are told apart here, without being normalised.
    int mostWords = titleWords + (titleWords < MIN_WORDS_FOR_STRAY_MATCH ? 0 : MAX_STRAY_WORDS);
    if (ArticleIds.hasMoreWordsThan(text, mostWords)) return false;
    String candidate = normalise(text);
    if (title.isEmpty() || candidate.isEmpty()) return false;
    if (candidate.equals(title)) return true;
    if (titleWords < MIN_WORDS_FOR_STRAY_MATCH) return false;
    int at = (" " + candidate + " ").indexOf(" " + title + " ");
    if (at < 0) return false;
    String stray = (candidate.substring(0, at) + " " + candidate.substring(at + title.length()));
    return stray.isBlank() || stray.strip().split(" +").length <= MAX_STRAY_WORDS;
  }

  static String normalise(String text) {
    return ArticleIds.words(text.toLowerCase(Locale.ROOT));
  }
}
