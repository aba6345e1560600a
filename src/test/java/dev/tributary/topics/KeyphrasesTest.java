package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphrasesTest {
  final TextAnalyzer analyzer = new TextAnalyzer();

  @Test
  void prefersRecurringMultiWordPhrasesOverCommonWords() {
    CorpusStats corpus = new CorpusStats();
    for (int i = 0; i < 20; i++)
      corpus.add(
          TermCounts.of(analyzer.analyze("", "Patients said the treatment helped the patients.")));
    AnalyzedText text =
        analyzer.analyze(
            "Nasal spray approved",
            "The nasal spray was approved. Patients use the nasal spray at the clinic. "
                + "The default mode network quietens. Researchers imaged the default mode network. "
                + "Patients said the treatment helped.");
    List<String> phrases = Keyphrases.top(text, corpus, 3);
    assertTrue(phrases.contains("nasal-spray"), phrases.toString());
    assertTrue(phrases.contains("default-mode-network"), phrases.toString());
    assertFalse(phrases.contains("patients"), phrases.toString());
  }

  @Test
  void aPhraseOnceIsNoKeyphrase() {
    assertEquals(
        List.of(),
        Keyphrases.top(
            analyzer.analyze("", "A single nasal spray mention."), new CorpusStats(), 3));
  }

  @Test
  void keyphrasesAlreadyCoveredByATagAreNotRepeated() {
    assertEquals(
        List.of("treatment-resistant-depression", "nasal-spray"),
        Keyphrases.mergeInto(
            List.of("treatment-resistant-depression"), List.of("depression", "nasal-spray")));
  }
}
