package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

  @Test
  void dropsTheQueryWhereFeedTokensLive() {
    assertEquals(
        "https://news.example/private/feed.xml",
        RedactedUrl.of("https://news.example/private/feed.xml?token=s3cret&x=1"));
  }

  @Test
  void dropsUserInfoAndKeepsHostAndPort() {
    assertEquals(
        "https://news.example:8443/feed",
        RedactedUrl.of("https://alice:pa55@news.example:8443/feed"));
    assertEquals("http://h.example/", RedactedUrl.of("http://a@b@h.example/"));
  }

  @Test
  void dropsTheFragment() {
    assertEquals("http://h.example/p", RedactedUrl.of("http://h.example/p#access_token=x"));
  }

  @Test
  void anAtSignInThePathIsNotUserInfo() {
    assertEquals("https://h.example/@alice/feed", RedactedUrl.of("https://h.example/@alice/feed"));
  }

  @Test
  void leavesAPlainUrlAlone() {
    assertEquals(
        "http://127.0.0.1:8080/feed.xml", RedactedUrl.of("http://127.0.0.1:8080/feed.xml"));
  }

  @Test
  void neverFailsOnTextThatIsNotAUrl() {
    assertEquals("not a url ", RedactedUrl.of("not a url ?with=query"));
    assertEquals("", RedactedUrl.of("?only=query"));
    assertNull(RedactedUrl.of(null));
  }
}
