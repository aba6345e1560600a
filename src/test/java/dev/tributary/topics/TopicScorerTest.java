package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicScorerTest {
  /** A topic of three harms, spoken of in lists of its own. */
  private final Taxonomy harms = harms();

  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final TopicMatcher matcher = new TopicMatcher(harms, analyzer);
  private final TopicScorer scorer = new TopicScorer(harms);

  @Test
  void aMatcherBuiltAfterTheAnalysisStillFindsItsWords() {
    TextAnalyzer analyzer = new TextAnalyzer();
    AnalyzedText text = analyzer.analyze("", "Patients with PTSD took zorbitamine.");
    Taxonomy taxonomy =
        new Taxonomy(
            1,
            List.of(
                new Topic(
                    "zorb",
                    "Zorb",
                    null,
                    List.of("zorbitamine"),
                    List.of(),
                    List.of("PTSD"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    0.1,
                    false)),
            List.of());
    TopicMatcher matcher = new TopicMatcher(taxonomy, analyzer);
    assertEquals(2, matcher.find(text).size());
    assertEquals(
        2, matcher.find(analyzer.analyze("", "Patients with PTSD took zorbitamine.")).size());
    assertEquals(2, new TopicMatcher(taxonomy, new TextAnalyzer()).find(text).size());
  }

  /**
   * Repeats decay within a sentence, and each sentence starts afresh: three harms in three
   * sentences of one paragraph (the paragraph is built around them) weigh more than the same three
   * in one sentence.
   */
  @Test
  void repeatsDecayWithinASentenceNotAcrossTheSentencesOfAParagraph() {
    String opening =
        "The clinic wrote to every patient this spring. It asked how the visits went. Most"
            + " answered within a week. Some sent letters.\n\n";
    AnalyzedText spread =
        analyzer.analyze(
            "Letters", opening + "Nausea came first. Then dizziness set in. A headache followed.");
    AnalyzedText together =
        analyzer.analyze(
            "Letters", opening + "Nausea came with dizziness before a headache set in.");

    List<TopicScorer.Hit> spreadHits = scorer.hits(spread, matcher.find(spread));
    List<TopicScorer.Hit> togetherHits = scorer.hits(together, matcher.find(together));
    assertEquals(3, spreadHits.size());
    assertEquals(3, togetherHits.size());
    assertEquals(1, spreadHits.stream().map(TopicScorer.Hit::paragraph).distinct().count());
    assertEquals(3, spreadHits.stream().map(TopicScorer.Hit::sentence).distinct().count());
    assertEquals(1, togetherHits.stream().map(TopicScorer.Hit::sentence).distinct().count());
    for (TopicScorer.Hit hit : spreadHits) assertEquals(1.0, hit.weight(), 1e-9);
    for (TopicScorer.Hit hit : togetherHits) assertEquals(1.0, hit.weight(), 1e-9);

    double spreadScore = scorer.score(spread, matcher.find(spread)).get(0);
    double togetherScore = scorer.score(together, matcher.find(together)).get(0);
    assertEquals(TopicScorer.scoreOf(3.0, TopicScorer.saturation(spread)), spreadScore, 1e-9);
    assertEquals(
        TopicScorer.scoreOf(1 + 0.8 + 0.64, TopicScorer.saturation(together)), togetherScore, 1e-9);
    assertTrue(spreadScore > togetherScore);
    assertEquals(
        List.of(1.0, 1.0, 1.0), List.copyOf(TopicScorer.contributions(spreadHits).values()));
  }

  /**
   * In a full article, a body paragraph whose sentences name the topic in two different words is
   * built around it and adds {@link TopicScorer#PARAGRAPH_FOCUS}; one word said twice, two words in
   * one sentence, or a short item add nothing.
   */
  @Test
  void aParagraphBuiltAroundATopicAddsToItsEvidenceInAFullArticle() {
    String filler =
        "The clinic wrote to every patient this spring and asked how the visits had gone. "
                .repeat(10)
            + "\n\n";
    AnalyzedText twoWords =
        analyzer.analyze("Letters", filler + "Nausea came first. Then dizziness set in.");
    AnalyzedText oneWord =
        analyzer.analyze("Letters", filler + "Nausea came first. Then the nausea came back.");
    AnalyzedText oneSentence =
        analyzer.analyze("Letters", filler + "Nausea came and dizziness set in together.");
    AnalyzedText shortItem =
        analyzer.analyze("Letters", "Nausea came first. Then dizziness set in.");
    assertTrue(twoWords.bodyWords() >= TopicScorer.FULL_LENGTH);

    List<TopicScorer.Hit> hits = scorer.hits(twoWords, matcher.find(twoWords));
    assertEquals(hits.get(hits.size() - 1).paragraph(), paragraphBuiltAround(twoWords));
    assertScore(twoWords, TopicScorer.PARAGRAPH_FOCUS);
    assertEquals(0, paragraphBuiltAround(oneWord));
    assertScore(oneWord, 0);
    assertEquals(0, paragraphBuiltAround(oneSentence));
    assertScore(oneSentence, 0);
    assertEquals(0, paragraphBuiltAround(shortItem));
    assertScore(shortItem, 0);
  }

  /** The score is the hits' contributions and {@code focus}, saturated. */
  private void assertScore(AnalyzedText text, double focus) {
    double mentions =
        TopicScorer.contributions(scorer.hits(text, matcher.find(text))).values().stream()
            .mapToDouble(Double::doubleValue)
            .sum();
    assertTrue(mentions >= 1.8, "mentions " + mentions);
    assertEquals(
        TopicScorer.scoreOf(mentions + focus, TopicScorer.saturation(text)),
        scorer.score(text, matcher.find(text)).get(0),
        1e-9);
  }

  private int paragraphBuiltAround(AnalyzedText text) {
    List<TopicMatcher.Match> matches = matcher.find(text);
    return scorer.paragraphBuiltAround(
        0, scorer.hits(text, matches), scorer.vetoed(text, matches), matches, text);
  }

  /**
   * A comma parts two touching mentions: "nausea, dizziness" is two harms, not one; so does the end
   * of a sentence.
   */
  @Test
  void aCommaPartsTouchingMentions() {
    AnalyzedText listed =
        analyzer.analyze("Letters", "Patients reported nausea, dizziness and a headache.");
    assertEquals(
        List.of("nausea", "dizziness", "headache"),
        scorer.hits(listed, matcher.find(listed)).stream()
            .map(h -> listed.surface(h.first()))
            .toList());
    AnalyzedText sentences =
        analyzer.analyze("Letters", "Most reported nausea. Dizziness came later.");
    assertEquals(2, scorer.hits(sentences, matcher.find(sentences)).size());
  }

  private static Taxonomy harms() {
    return new Taxonomy(
        1,
        List.of(
            new Topic(
                "harm",
                "Harm",
                null,
                List.of("nausea", "dizziness", "headache"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0.5,
                true)),
        List.of());
  }
}
