package dev.tributary.stories;

import dev.tributary.article.ArticleIds;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An article's body as story detection compares it: the words of its sentences, case-folded, with
 * the sentences a republisher adds or a site wraps around every article left out ("This article
 * originally appeared on …", "Share this", "Subscribe to our newsletter", copyright lines). Those
 * differ between copies of one story and repeat across unrelated articles of one site, so keeping
 * them would make copies look less alike and strangers more alike.
 *
 * <p>A sentence is left out when it matches one of {@link #BOILERPLATE} and is short (at most
 * {@link #MAX_BOILERPLATE_WORDS} words): a long sentence that happens to say "subscribe" is prose.
 * Leaving out a real sentence costs nothing when it is in both copies (both lose it), so the
 * patterns err towards leaving out.
 */
public final class StoryText {
  static final int MAX_BOILERPLATE_WORDS = 40;

  /**
   * What republishers and site templates add: attribution of the original, share and subscribe
   * calls, "read more" links, copyright, photo credits. Matched case-insensitively anywhere in a
   * short sentence.
   */
  static final Pattern BOILERPLATE =
      Pattern.compile(
          String.join(
              "|",
              "\\b(originally|first) (appeared|published|posted|ran|run)\\b",
              "\\b(appeared|published|posted) (first|originally)\\b",
              "\\b(re-?published|reprinted|republished|syndicated|reproduced|shared)"
                  + " (here )?(with|by|under) (the )?(kind )?(permission|licen[cs]e|arrangement)\\b",
              "\\b(re-?published|reprinted|syndicated) from\\b",
              "\\bcreative commons\\b",
              "\\bshare (this|on|via)\\b",
              "\\b(subscribe|subscribing|unsubscribe|newsletter|sign up|signup)\\b",
              "\\bfollow (us|him|her|them|me)\\b",
              "\\b(read|see|find) (more|the (full|original|rest))\\b",
              "\\b(click|tap) here\\b",
              "\\bcontinue reading\\b",
              "\\ball rights reserved\\b",
              "\\bcopyright\\b|©|\\(c\\) (19|20)\\d\\d",
              "^(photo|image|picture|illustration|video|credit|source|via|related|tags?|filed"
                  + " under|advertisement|sponsored)\\b",
              "\\bthe views expressed\\b",
              "\\b(comments?|discussion) (are|is) (closed|open)\\b"),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A sentence ends at . ! ? (and any closing quote or bracket) followed by space. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"'”’)\\]]?)\\s+");

  private StoryText() {}

  /** The words of the body's sentences that are not boilerplate, case-folded, in order. */
  public static List<String> words(String body) {
    List<String> words = new ArrayList<>();
    if (body == null) return words;
    String folded = Normalizer.normalize(body, Normalizer.Form.NFKC);
    for (String line : folded.split("\n")) {
      if (line.isBlank()) continue;
      for (String sentence : SENTENCE_END.split(line.strip())) {
        if (isBoilerplate(sentence)) continue;
        String plain = ArticleIds.words(sentence.toLowerCase(Locale.ROOT));
        if (plain.isEmpty()) continue;
        for (String word : plain.split(" ")) words.add(word);
      }
    }
    return words;
  }

  static boolean isBoilerplate(String sentence) {
    return BOILERPLATE.matcher(sentence.strip()).find()
        && wordCount(sentence) <= MAX_BOILERPLATE_WORDS;
  }

  private static int wordCount(String sentence) {
    String plain = ArticleIds.words(sentence);
    return plain.isEmpty() ? 0 : plain.split(" ").length;
  }
}
