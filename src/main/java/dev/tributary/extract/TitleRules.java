package dev.tributary.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a line reads as a title or a heading, and how to make a title from prose. */
final class TitleRules {

  static final int MAX_TITLE_LINE = 150;
  static final int MAX_DERIVED_TITLE = 120;
  private static final int MAX_HEADING = 100;
  private static final int MAX_HEADING_WORDS = 15;

  /** Sentence ends: a terminal mark followed by white space or the end of the text. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

  private TitleRules() {}

  /** Short and not ending like a sentence; questions and exclamations are fine in titles. */
  static boolean readsAsTitle(String line) {
    String text = line.strip();
    return !text.isEmpty()
        && text.length() <= MAX_TITLE_LINE
        && ".,;:…".indexOf(lastChar(text)) < 0
        && text.codePoints().anyMatch(Character::isLetter);
  }

  /** Stricter than a title: shorter, capitalised, and with no terminal punctuation at all. */
  static boolean readsAsHeading(String line) {
    String text = line.strip();
    return readsAsTitle(text)
        && text.length() <= MAX_HEADING
        && text.split("\\s+").length <= MAX_HEADING_WORDS
        && "!?".indexOf(lastChar(text)) < 0
        && startsCapitalised(text);
  }

  /** A title made from the first sentence of the text, at most {@link #MAX_DERIVED_TITLE}. */
  static String fromFirstSentence(String text) {
    String sentence = text.strip();
    Matcher end = SENTENCE_END.matcher(sentence);
    if (end.find()) sentence = sentence.substring(0, end.end());
    if (sentence.endsWith(".")) sentence = sentence.substring(0, sentence.length() - 1);
    return Snippet.cut(sentence.strip(), MAX_DERIVED_TITLE);
  }

  private static char lastChar(String text) {
    return text.charAt(text.length() - 1);
  }

  private static boolean startsCapitalised(String text) {
    return text.codePoints().filter(Character::isLetterOrDigit).findFirst().stream()
        .anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
  }
}
