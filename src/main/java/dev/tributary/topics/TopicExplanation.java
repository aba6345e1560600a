package dev.tributary.topics;

import java.util.List;

/**
 * Why an article has, or has not, a topic: its score from the rules and from taught examples, the
 * threshold it is held to, each counted mention with what it contributed, each mention a veto
 * cancelled, and the reason in words.
 *
 * @param rules score from the taxonomy's terms, phrases and acronyms (0 outside the field's
 *     context): 1 − exp(−evidenceSum / saturation)
 * @param examples score from taught examples, or null when the topic has none
 * @param score the combined score that is compared with the threshold
 * @param applied whether the article is tagged with the topic (also true for a parent implied by an
 *     applied child)
 * @param evidenceSum E, the sum of the evidence's contributions (counted in the rules' score only
 *     inside the field's context)
 * @param saturation the saturation for this article's length (4 from 150 body words up)
 * @param bodyWords the words of the article's body, which the saturation follows
 * @param reason why the topic was or was not applied, in words
 */
public record TopicExplanation(
    String slug,
    String label,
    double threshold,
    double rules,
    Double examples,
    double score,
    boolean applied,
    List<Evidence> evidence,
    double evidenceSum,
    double saturation,
    int bodyWords,
    String reason,
    List<Vetoed> vetoed) {

  /**
   * One mention: the words as written, where they are, and what they added to the evidence E (score
   * = 1 − exp(−E / saturation)).
   */
  public record Evidence(
      String text, String zone, int paragraph, double weight, double contribution) {}

  /**
   * A mention that does not count: the words as written, where they are, and what cancelled it.
   *
   * @param kind "exclude" (a phrase of the topic's exclude list nearby), "sense" (a word of another
   *     field in the sentence) or "negation" (a negation cue just before)
   * @param by the vetoing words as written
   */
  public record Vetoed(String text, String zone, int paragraph, String kind, String by) {}
}
