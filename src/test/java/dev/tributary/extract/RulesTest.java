package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small rule classes behind plain-text extraction. */
class RulesTest {

  @Nested
  class SpamFilterRules {

    @Test
    void removesACallToActionFromTheMiddleOfASentence() {
      assertEquals(
          "For those who struggled, ketamine represents a new frontier.",
          SpamFilter.clean(
              "For those who struggled, Call Now ketamine represents a new frontier."));
    }

    @Test
    void removesAShoutedCallToActionAndItsExclamationMark() {
      assertEquals(
          "Relief is near. Ask us.", SpamFilter.clean("Relief is near. CALL NOW! Ask us."));
    }

    @Test
    void keepsCallToActionWordsUsedInProse() {
      String prose = "Doctors call now for more research, and we click here and there.";
      assertEquals(prose, SpamFilter.clean(prose));
    }

    @Test
    void removesALinkLeadInAndKeepsTheFullStop() {
      assertEquals(
          "It helped where others have fallen short. Ketamine is fast.",
          SpamFilter.clean(
              "It helped where others have fallen short and try this web-site"
                  + " https://spam.example/ketamine/. Ketamine is fast."));
    }

    @Test
    void removesASentenceThatIsOnlyALinkLeadIn() {
      assertEquals(
          "Good point. Next point.",
          SpamFilter.clean("Good point. Visit our website https://spam.example. Next point."));
    }

    @Test
    void keepsAReferenceUrlThatIsNotIntroducedAsSpam() {
      String text = "The study is at https://doi.org/10.1000/xyz and is worth reading.";
      assertEquals(text, SpamFilter.clean(text));
    }

    @Test
    void leavesTextWithoutSpamUntouchedIncludingItsSpacing() {
      String text = "Two  spaces , odd but untouched.";
      assertEquals(text, SpamFilter.clean(text));
    }
  }

  @Nested
  class HashtagRules {

    @Test
    void splitsCamelCaseIntoKebabCase() {
      assertEquals(
          "treatment-resistant-depression", Hashtags.toTag("TreatmentResistantDepression"));
    }

    @Test
    void keepsAcronymsTogether() {
      assertEquals("ptsd-care", Hashtags.toTag("PTSDCare"));
      assertEquals("covid19", Hashtags.toTag("COVID19"));
    }

    @Test
    void dropsFootnoteMarksAndDuplicates() {
      assertEquals(Optional.of(List.of("hope")), Hashtags.parseLine("#Hope[5] #hope"));
    }

    @Test
    void refusesALineWithAnOrdinaryWord() {
      assertEquals(Optional.empty(), Hashtags.parseLine("#Ketamine works"));
      assertEquals(Optional.empty(), Hashtags.parseLine("# Heading"));
    }
  }

  @Nested
  class TitleRulesAndRepeats {

    @Test
    void readsAShortLineWithoutFullStopAsTitle() {
      assertTrue(TitleRules.readsAsTitle("Ketamine: A Mind-Altering Miracle or a Dangerous Drug?"));
      assertFalse(TitleRules.readsAsTitle("A sentence."));
      assertFalse(TitleRules.readsAsTitle("x".repeat(151)));
    }

    @Test
    void readsOnlyCapitalisedUnpunctuatedLinesAsHeadings() {
      assertTrue(TitleRules.readsAsHeading("The Rise of Ketamine as an Antidepressant"));
      assertFalse(TitleRules.readsAsHeading("lower case start"));
      assertFalse(TitleRules.readsAsHeading("Is it a question?"));
    }

    @Test
    void matchesCopiesWithStrayWordsCaseAndPunctuationIgnored() {
      var repeated = new RepeatedTitle("Unlocking Hope: Ketamine emerges as a game-changer");
      assertTrue(repeated.matches("ketamine Unlocking Hope: Ketamine emerges as a game-changer"));
      assertTrue(repeated.matches("UNLOCKING HOPE — ketamine emerges as a game changer"));
      assertFalse(
          repeated.matches(
              "Unlocking Hope: Ketamine emerges as a game-changer in four extra words"));
      assertFalse(repeated.matches("Hope emerges"));
    }
  }
}
