package dev.tributary.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatedTitleTest {
  private final RepeatedTitle long4 =
      new RepeatedTitle("Unlocking Hope: Ketamine for Treatment-Resistant Depression");
  private final RepeatedTitle short2 = new RepeatedTitle("Ketamine works");

  @Test
  void aCopyMatchesWhateverItsCaseAndPunctuation() {
    assertTrue(long4.matches("UNLOCKING HOPE — ketamine for treatment resistant depression!"));
    assertTrue(short2.matches("ketamine, works."));
  }

  @Test
  void aCopyWithAtMostThreeStrayWordsMatchesWhenTheTitleIsLongEnough() {
    assertTrue(
        long4.matches(
            "ketamine news today Unlocking Hope: Ketamine for Treatment-Resistant Depression"));
    assertFalse(
        long4.matches(
            "more ketamine news today Unlocking Hope: Ketamine for Treatment-Resistant Depression"));
    assertFalse(short2.matches("Ketamine works fast"));
  }

  @Test
  void aLongParagraphThatQuotesTheTitleIsNoCopy() {
    assertFalse(
        long4.matches(
            "In her talk Unlocking Hope: Ketamine for Treatment-Resistant Depression the doctor"
                + " described the first trials and what patients told her afterwards."));
  }
}
