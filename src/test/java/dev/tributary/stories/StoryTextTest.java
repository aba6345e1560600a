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

  /** One example per alternative of BOILERPLATE: each must pass a gate, or it would be kept. */
  private static final List<String> BOILERPLATE_EXAMPLES =
      List.of(
          "This article first appeared on Example News.",
          "It originally ran in the Gazette.",
          "The post appeared first on Northgate Observer.",
          "Re-published here with the kind permission of the author.",
          "Reproduced under licence from Wire.",
          "Shared by arrangement with the Herald.",
          "Syndicated from the Campus Chronicle.",
          "This work is licensed under a Creative Commons licence.",
          "Share via email",
          "Unsubscribe at any time.",
          "Get the newsletter.",
          "Sign up for alerts.",
          "Follow them on Mastodon.",
          "See the original at the Gazette.",
          "Find more stories like this.",
          "Tap here to listen.",
          "Continue reading",
          "All rights reserved.",
          "Copyright Example Media.",
          "© Example Media",
          "(c) 2025 Example Media",
          "Image courtesy of the council.",
          "Filed under: Local news",
          "Advertisement",
          "The views expressed are the author's own.",
          "Comments are closed.",
          "Discussion is open until Friday.");

  @Test
  void everyKindOfBoilerplatePassesAGateAndIsLeftOut() {
    for (String line : BOILERPLATE_EXAMPLES) {
      assertTrue(StoryText.isBoilerplate(line.toLowerCase(java.util.Locale.ROOT)), line);
      assertTrue(StoryText.isGated(line), line);
      assertEquals(List.of(), StoryText.words(line), line);
    }
  }

  @Test
  void aSentenceWithOnlyOneHalfOfAPhraseIsNotMatchedAtAll() {
    for (String prose :
        List.of(
            "The first patients were seen in March.",
            "Read the dosing notes before the visit.",
            "This trial ran for six weeks.",
            "The clinic shared its results with the board.")) {
      assertFalse(StoryText.isGated(prose), prose);
      assertFalse(StoryText.words(prose).isEmpty(), prose);
    }
  }
}
