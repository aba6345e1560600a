package dev.tributary.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removes what link farms paste into articles: calls to action dropped mid-sentence ("…and therapy,
 * Call Now ketamine represents…") and lead-ins to a link ("…fallen short and try this web-site
 * https://…/."), keeping the sentence around them intact.
 */
final class SpamFilter {

  /**
   * Matched only in Title Case or upper case: injected calls to action are capitalised, while the
   * same words in prose ("we call now for…") are not.
   */
  static final List<String> CALLS_TO_ACTION =
      List.of(
          "Call Now",
          "Call Us Now",
          "Call Today",
          "Click Here",
          "Buy Now",
          "Order Now",
          "Book Now",
          "Shop Now",
          "Sign Up Now",
          "Contact Us Now",
          "Get Started Now");

  /** Phrases that introduce a link; only spam when a URL follows directly. */
  static final List<String> LINK_LEAD_INS =
      List.of(
          "try this web-site",
          "try this website",
          "try this site",
          "visit this web-site",
          "visit this website",
          "visit this site",
          "visit our web-site",
          "visit our website",
          "visit our site",
          "check this web-site",
          "check this website",
          "check out this web-site",
          "check out this website",
          "check out this site",
          "click this link",
          "see this website",
          "read more at",
          "learn more at",
          "find out more at",
          "more info at");

  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

  /** A URL without the sentence's own closing punctuation. */
  private static final String URL = "(?:https?://|www\\.)\\S*[^\\s.,;:!?)\\]]";

  private static final String LEAD_IN = alternatives(LINK_LEAD_INS);

  /** A whole sentence that is nothing but a link lead-in. */
  private static final Pattern LINK_SENTENCE =
      Pattern.compile(
          "(?:^|(?<=[.!?])\\s+)" + LEAD_IN + "\\s*:?\\s*" + URL + "\\s*[.!]?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A lead-in tacked onto a real sentence, with the conjunction that glued it on. */
  private static final Pattern LINK_CLAUSE =
      Pattern.compile(
          "[,;]?\\s+(?:(?:and|or|so|please)\\s+)?" + LEAD_IN + "\\s*:?\\s*" + URL,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          NOT_WORD_BEFORE
              + alternatives(
                  CALLS_TO_ACTION.stream()
                      .flatMap(p -> Stream.of(p, p.toUpperCase(Locale.ROOT)))
                      .toList())
              + "[!:]*"
              + NOT_WORD_AFTER
              + "\\s*");

  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile("\\s+([,.;:!?])(?=\\s|$)");
  private static final Pattern RUNS_OF_SPACE = Pattern.compile("[ \\t]{2,}");

  /**
   * Words every call to action ends with, as the pattern matches them (Title Case and upper case):
   * a text holding none of them cannot match, and most texts hold none, so the costly pattern is
   * skipped for them (it was a quarter of the pipeline's CPU; bench/README.md, ingest).
   */
  private static final List<String> CALL_TO_ACTION_ENDS =
      CALLS_TO_ACTION.stream()
          .map(p -> p.substring(p.lastIndexOf(' ') + 1))
          .flatMap(w -> Stream.of(w, w.toUpperCase(Locale.ROOT)))
          .distinct()
          .toList();

  private SpamFilter() {}

  /** The text without spam; unchanged (not even re-spaced) when there was none. */
  static String clean(String text) {
    String cleaned = text;
    if (mayHoldUrl(text)) {
      cleaned = LINK_SENTENCE.matcher(cleaned).replaceAll("");
      cleaned = LINK_CLAUSE.matcher(cleaned).replaceAll("");
    }
    if (mayHoldCallToAction(cleaned)) cleaned = CALL_TO_ACTION.matcher(cleaned).replaceAll("");
    if (cleaned.equals(text)) return text;
    cleaned = SPACE_BEFORE_PUNCTUATION.matcher(cleaned).replaceAll("$1");
    cleaned = RUNS_OF_SPACE.matcher(cleaned).replaceAll(" ");
    return cleaned.strip();
  }

  /** Whether the text has what every {@link #URL} starts with: "://" or "www." in any case. */
  private static boolean mayHoldUrl(String text) {
    if (text.contains("://")) return true;
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      if (i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) return true;
    }
    return false;
  }

  private static boolean mayHoldCallToAction(String text) {
    for (String end : CALL_TO_ACTION_ENDS) if (text.contains(end)) return true;
    return false;
  }

  private static String alternatives(List<String> phrases) {
    return phrases.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
  }
}
