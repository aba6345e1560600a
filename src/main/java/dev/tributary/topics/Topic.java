package dev.tributary.topics;

import java.util.List;
import java.util.Optional;

/**
 * One topic of the taxonomy (see docs/TOPICS.md).
 *
 * @param parent slug of the broader topic this one implies, or null
 * @param terms single words, matched on stems, case-insensitive
 * @param phrases word sequences, matched on stems, case-insensitive
 * @param acronyms matched on the exact surface form (PTSD matches, ptsd does not)
 * @param exact words matched as written, not stemmed, in lower case, capitalised or upper case
 *     ("tolerance" but not "tolerated", which shares its stem)
 * @param counted words or phrases, matched on stems, that signal the topic only when counted in
 *     twos or more: a number from two, or a word for several, at most {@link
 *     TopicMatcher#COUNT_WINDOW} words before them in their sentence ("tried more than twenty
 *     antidepressants", "at least two courses of antidepressants", but not "an antidepressant")
 * @param exclude phrases that veto this topic's matches in the same sentence nearby
 * @param senses words of another field in which this topic's words mean something else ("neural
 *     network", "jury"): they veto this topic's matches anywhere in their sentence
 * @param references phrases, matched on stems, by which a full article refers back to the topic
 *     once it has named it ("the drug", "the treatment"): each counts as part of a mention (see
 *     {@link TopicScorer#REFERENCE_WEIGHT})
 * @param threshold minimum score in (0,1] for an article to get this topic
 * @param listsOfItsOwn whether the topic is itself spoken of as lists (harms: "sleepiness,
 *     dizziness and a dreamlike feeling"), so that its mention in a list of things that are not
 *     topics is no passing one; topics mentioned in a list of topics are passing all the same
 */
public record Topic(
    String slug,
    String label,
    String parent,
    List<String> terms,
    List<String> phrases,
    List<String> acronyms,
    List<String> exact,
    List<String> counted,
    List<String> exclude,
    List<String> senses,
    List<String> references,
    double threshold,
    boolean listsOfItsOwn) {

  public static final double DEFAULT_THRESHOLD = 0.5;

  public Topic {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
    acronyms = List.copyOf(acronyms);
    exact = List.copyOf(exact);
    counted = List.copyOf(counted);
    exclude = List.copyOf(exclude);
    senses = List.copyOf(senses);
    references = List.copyOf(references);
  }

  /** Whether the topic has words of its own (else only taught examples can signal it). */
  public boolean hasRules() {
    return !terms.isEmpty()
        || !phrases.isEmpty()
        || !acronyms.isEmpty()
        || !exact.isEmpty()
        || !counted.isEmpty();
  }

  public Optional<String> parentSlug() {
    return Optional.ofNullable(parent);
  }
}
