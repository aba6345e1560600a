package dev.tributary.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushSignatureTest {
  static final byte[] BODY = "<feed/>".getBytes(StandardCharsets.UTF_8);

  @Test
  void everyMethodOfTheRecommendationIsChecked() {
    for (String method : new String[] {"sha1", "sha256", "sha384", "sha512"}) {
      String header = PushSignature.sign(method, "s3cret", BODY);
      assertTrue(PushSignature.matches(header, "s3cret", BODY), method);
      assertTrue(PushSignature.matches(header.toUpperCase(), "s3cret", BODY), "case-insensitive");
      assertFalse(PushSignature.matches(header, "other", BODY), method + " wrong secret");
      assertFalse(
          PushSignature.matches(header, "s3cret", "<feed></feed>".getBytes()), "other body");
    }
  }

  @Test
  void aKnownHmacMatches() {
    // HMAC-SHA1("key", "The quick brown fox jumps over the lazy dog"), RFC 2104 test vector
    String header = "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9";
    byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    assertTrue(PushSignature.matches(header, "key", body));
    assertEquals(header, PushSignature.sign("sha1", "key", body));
  }

  @Test
  void missingMalformedOrUnknownSignaturesNeverMatch() {
    assertFalse(PushSignature.matches(null, "s3cret", BODY));
    assertFalse(PushSignature.matches("", "s3cret", BODY));
    assertFalse(PushSignature.matches("sha256", "s3cret", BODY));
    assertFalse(PushSignature.matches("sha256=zz", "s3cret", BODY));
    assertFalse(PushSignature.matches("md5=" + "00".repeat(16), "s3cret", BODY));
    assertFalse(PushSignature.matches("sha256=", "s3cret", BODY));
  }
}
