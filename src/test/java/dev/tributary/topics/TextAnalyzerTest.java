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
    AnalyzedText text =
        analyzer.analyze("Title", "One. Two. Three. Four.\nFive. Six. Seven. Eight. Nine.");
    List<Token> tokens = text.tokens();
    assertEquals(Token.Zone.TITLE, tokens.get(0).zone());
    assertEquals(Token.Zone.LEAD, tokens.get(3).zone());
    assertEquals(Token.Zone.BODY, tokens.get(4).zone());
    assertEquals(
        List.of(0, 1, 1, 1, 1, 2), tokens.subList(0, 6).stream().map(Token::paragraph).toList());
  }

  @Test
  void theLeadOfAShortBodyIsItsOpeningThird() {
    assertEquals(List.of("LEAD", "BODY", "BODY"), zones("One. Two. Three."));
    assertEquals(
        List.of("LEAD", "LEAD", "BODY", "BODY", "BODY"), zones("One. Two. Three. Four. Five."));
    assertEquals(1, TextAnalyzer.leadSentences(0));
    assertEquals(1, TextAnalyzer.leadSentences(3));
    assertEquals(2, TextAnalyzer.leadSentences(6));
    assertEquals(3, TextAnalyzer.leadSentences(7));
    assertEquals(3, TextAnalyzer.leadSentences(40));
  }

  @Test
  void colonsAndAbbreviationsDoNotEndAFullSentence() {
    // "Dr." and "J." end no sentence; a colon ends a clause (for matching) but not the lead's
    // sentence.
    List<String> zones = zones("Dr. J. Smith explains: ketamine works. Two. Three.");
    assertEquals(List.of("LEAD", "LEAD", "LEAD", "LEAD", "LEAD", "LEAD"), zones.subList(0, 6));
    assertEquals("BODY", zones.get(6));
    List<Token> tokens = analyzer.analyze("", "Dr. Smith explains: ketamine works.").tokens();
    assertEquals(tokens.get(0).sentence(), tokens.get(2).sentence());
    assertEquals(tokens.get(2).sentence() + 1, tokens.get(3).sentence());
  }

  @Test
  void countsTheBodyWordsAfterTheTitle() {
    assertEquals(3, analyzer.analyze("A title of five words", "One two three.").bodyWords());
    assertEquals(0, analyzer.analyze("Only a title", "").bodyWords());
  }

  private List<String> zones(String body) {
    return analyzer.analyze("", body).tokens().stream().map(t -> t.zone().name()).toList();
  }
}
