package dev.tributary.topics;

import java.util.List;

/**
 * Why an article has, or has not, a topic: its score from the rules and from taught examples, the
 * threshold it is held to, and each counted mention with what it contributed.
 *
 * @param rules score from the taxonomy's terms, phrases and acronyms (0 outside the field's
 *     context)
 * @param examples score from taught examples, or null when the topic has none
 * @param score the combined score that is compared with the threshold
 * @param applied whether the article is tagged with the topic (also true for a parent implied by an
 *     applied child)
 */
public record TopicExplanation(
    String slug,
    String label,
    double threshold,
    double rules,
    Double examples,
    double score,
    boolean applied,
    List<Evidence> evidence) {

  /**
   * One mention: the words as written, where they are, and what they added to the evidence E (score
   * = 1 − exp(−E / 4)).
   */
  public record Evidence(
      String text, String zone, int paragraph, double weight, double contribution) {}
}
