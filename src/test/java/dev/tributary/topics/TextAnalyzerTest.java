package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = new TextAnalyzer();

  private List<String> stems(String text) {
    return analyzer.words(text).stream().map(Token::stem).toList();
  }

  @Test
  void pluralsShareTheStemOfTheSingular() {
    assertEquals(stems("infusion"), stems("infusions"));
  }

  @Test
  void depressiveAndDepressedShareTheStemOfDepression() {
    assertEquals(stems("depression"), stems("depressive"));
    assertEquals(stems("depression"), stems("depressed"));
  }

  @Test
  void antidepressantIsItsOwnWord() {
    assertEquals(List.of("antidepress"), stems("antidepressants"));
  }

  @Test
  void dropsCurlyAndStraightPossessives() {
    assertEquals(List.of("ketamin", "ketamin"), stems("ketamine’s ketamine's"));
  }

  @Test
  void keepsTheSurfaceFormForAcronyms() {
    assertEquals(
        List.of("PTSD", "ptsd"),
        analyzer.words("PTSD’s ptsd").stream().map(Token::surface).toList());
  }

  @Test
  void splitsHyphenatedWordsAndKeepsStopWords() {
    assertEquals(
        List.of("treatment", "resist", "depress"), stems("treatment-resistant depression"));
    assertEquals(List.of("risk", "of", "addict"), stems("risk of addiction"));
  }

  @Test
  void countsParagraphsPerLineAndMarksTheLead() {
    AnalyzedText text = analyzer.analyze("Title", "One. Two. Three. Four.\nFive.");
    List<Token> tokens = text.tokens();
    assertEquals(Token.Zone.TITLE, tokens.get(0).zone());
    assertEquals(Token.Zone.LEAD, tokens.get(3).zone());
    assertEquals(Token.Zone.BODY, tokens.get(4).zone());
    assertEquals(List.of(0, 1, 1, 1, 1, 2), tokens.stream().map(Token::paragraph).toList());
  }
}
