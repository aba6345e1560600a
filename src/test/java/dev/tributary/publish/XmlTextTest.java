package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {

  @Test
  void removesControlCharactersButKeepsTabAndLineBreaks() {
    assertEquals("a\tb\nc\rd", XmlText.clean("a\u0000\tb\n\u0007c\r\u001Fd\u000B\u000C"));
  }

  @Test
  void removesNonCharactersFffeAndFfff() {
    assertEquals("ab", XmlText.clean("a\uFFFEb\uFFFF"));
  }

  @Test
  void removesLoneSurrogatesOfEitherHalf() {
    assertEquals("abc", XmlText.clean("a\uD800b\uDC00c"));
    assertEquals("end", XmlText.clean("end\uD83D"));
  }

  @Test
  void keepsEmojiAndRightToLeftText() {
    String text = "Ketamine 😀 🧠 שלום مرحبا";
    assertSame(text, XmlText.clean(text));
  }

  @Test
  void keepsMarkupCharactersForTheXmlWriterToEscape() {
    assertEquals("<b>&\"'", XmlText.clean("<b>&\"'"));
  }

  @Test
  void turnsC1ControlsIntoTheWindows1252PunctuationTheyStoodFor() {
    assertEquals(
        "it’s “quoted” – €5…", XmlText.clean("it\u0092s \u0093quoted\u0094 \u0096 \u00805\u0085"));
  }

  @Test
  void dropsReplacementCharactersAndTheWindows1252Holes() {
    assertEquals("ab", XmlText.clean("a\uFFFD\u0081b\u009D"));
  }

  @Test
  void leavesNullAlone() {
    assertNull(XmlText.clean(null));
  }
}
