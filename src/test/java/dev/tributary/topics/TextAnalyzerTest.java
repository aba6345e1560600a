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
    String seven = "one two three four five six seven. ";
    assertEquals(7, lead(zones(seven + seven + seven)), "three sentences: the first");
    assertEquals(14, lead(zones(seven.repeat(5))), "five sentences: the first two");
    assertEquals(7, lead(zones(seven + "Two. Three.")));
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
    List<String> zones = zones("Dr. J. Smith explains: ketamine works well. Two. Three.");
    assertEquals(7, lead(zones), zones.toString());
    List<Token> tokens = analyzer.analyze("", "Dr. Smith explains: ketamine works.").tokens();
    assertEquals(tokens.get(0).sentence(), tokens.get(2).sentence());
    assertEquals(tokens.get(2).sentence() + 1, tokens.get(3).sentence());
  }

  @Test
  void countsTheBodyWordsAfterTheTitle() {
    assertEquals(3, analyzer.analyze("A title of five words", "One two three.").bodyWords());
    assertEquals(0, analyzer.analyze("Only a title", "").bodyWords());
  }

  @Test
  void aShortOpeningLabelDoesNotTakeTheLeadsPlace() {
    // a journal's name, then the item's point: the lead takes the point too
    List<String> zones =
        zones("Emergency Psychiatry Reports. Adults were randomised to ketamine. Scores fell.");
    assertEquals(List.of("LEAD", "BODY"), distinctRuns(zones));
    assertEquals(3 + 5, lead(zones));
    // a body of one short sentence is its own lead
    assertEquals(List.of("LEAD"), distinctRuns(zones("Ketamine works.")));
    // seven words or more are a sentence, not a label
    assertEquals(
        7, lead(zones("The journal reports one more ketamine trial. It was small. Done.")));
  }

  @Test
  void aJournalsVolumeAndIssueDoNotMakeItsLabelASentence() {
    // seven words with the numbers, five without: still a label
    List<String> zones =
        zones("Quarterly Review of Mood Disorders, 9(2). Inpatients were randomised. Scores fell.");
    assertEquals(7 + 3, lead(zones));
    // "Vol." is no full stop
    assertEquals(
        6 + 2 + 3,
        lead(zones("Pellham Review of Anaesthesia, Vol. 9, Issue 2. Adults were sedated. Done.")));
  }

  /** Words in the lead (they come first). */
  private static int lead(List<String> zones) {
    int n = 0;
    while (n < zones.size() && zones.get(n).equals("LEAD")) n++;
    return n;
  }

  private static List<String> distinctRuns(List<String> zones) {
    List<String> runs = new java.util.ArrayList<>();
    for (String z : zones) if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(z)) runs.add(z);
    return runs;
  }

  private List<String> zones(String body) {
    return analyzer.analyze("", body).tokens().stream().map(t -> t.zone().name()).toList();
  }
}
