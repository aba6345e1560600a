package dev.tributary.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryTextTest {
  @Test
  void foldsCaseAndPunctuationIntoWords() {
    assertEquals(
        List.of("the", "council", "voted", "7", "2", "on", "tuesday"),
        StoryText.words("The Council voted 7-2 on “Tuesday”."));
  }

  @Test
  void leavesOutAttributionLinesARepublisherAdds() {
    String body =
        "This story originally appeared in the Riverton Gazette and is republished here with"
            + " permission.\n\nThe council voted on Tuesday.\n\nRepublished with permission from"
            + " the Campus Chronicle.";
    assertEquals(List.of("the", "council", "voted", "on", "tuesday"), StoryText.words(body));
  }

  @Test
  void leavesOutAnAttributionSentenceAtTheEndOfAParagraph() {
    assertEquals(
        List.of("rain", "is", "expected"),
        StoryText.words("Rain is expected. This article first appeared on Example News."));
  }

  @Test
  void leavesOutShareSubscribeAndCopyrightLines() {
    for (String line :
        List.of(
            "Share this:",
            "Share on Facebook",
            "Subscribe to our newsletter for recall alerts.",
            "Sign up for Valley Post alerts to get drought updates.",
            "Follow us on Facebook for more Eastbrook news.",
            "© 2026 Example Media. All rights reserved.",
            "Photo: Smoke rises over the hills on Saturday.",
            "Read the full story at the Riverton Gazette.",
            "The post Mayor unveils budget appeared first on Northgate Observer.",
            "This article was republished from Wire under a Creative Commons license.")) {
      assertEquals(List.of(), StoryText.words(line), line);
    }
  }

  @Test
  void keepsALongSentenceThatHappensToSaySubscribe() {
    String prose =
        "Households that subscribe to the new municipal broadband service will pay 40 dollars a"
            + " month for the first two years, after which the council will review prices against"
            + " those of private providers in the region and publish the comparison each spring"
            + " together with its annual report on the network.";
    assertTrue(StoryText.words(prose).contains("subscribe"));
    assertFalse(StoryText.isBoilerplate(prose));
  }
}
