package dev.tributary.topics;

/**
 * One word of an analysed article.
 *
 * @param stem lower-cased Porter stem, possessive removed: what terms and phrases match
 * @param surface the word as written, possessive removed: what acronyms match
 * @param start offset of the word in its zone's text
 * @param end offset just past the word
 * @param paragraph 0 for the title, 1.. for body paragraphs (one per non-blank line)
 * @param sentence sentence number across the whole article
 */
public record Token(
    String stem, String surface, int start, int end, Zone zone, int paragraph, int sentence) {

  /** Where a word sits: the title and the lead say what an article is about. */
  public enum Zone {
    TITLE,
    LEAD,
    BODY
  }
}
