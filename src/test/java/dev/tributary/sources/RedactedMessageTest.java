package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactedMessageTest {
  @Test
  void theClientsOwnTimeoutMessageLosesTheQueryOfItsRequestLine() {
    assertEquals(
        "The timeout period of 299ms has been exceeded while executing GET /hang for server"
            + " 127.0.0.1:40857",
        RedactedUrl.inMessage(
            "The timeout period of 299ms has been exceeded while executing GET"
                + " /hang?token=s3cret for server 127.0.0.1:40857"));
  }

  @Test
  void aMessageWithoutAQueryIsLeftAlone() {
    assertEquals("Connection refused", RedactedUrl.inMessage("Connection refused"));
  }
}
