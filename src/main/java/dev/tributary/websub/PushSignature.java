package dev.tributary.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Hub-Signature} of a pushed body (W3C WebSub §8): {@code method=hex}, where
 * method is sha1, sha256, sha384 or sha512 and hex the HMAC of the raw body keyed with the
 * subscription's secret. Compared in constant time.
 */
public final class PushSignature {
  private static final Map<String, String> MACS =
      Map.of(
          "sha1", "HmacSHA1",
          "sha256", "HmacSHA256",
          "sha384", "HmacSHA384",
          "sha512", "HmacSHA512");

  private PushSignature() {}

  /** True only when the header is present, well formed, of a known method, and matches. */
  public static boolean matches(String header, String secret, byte[] body) {
    if (header == null || secret == null) return false;
    int eq = header.indexOf('=');
    if (eq <= 0) return false;
    String mac = MACS.get(header.substring(0, eq).trim().toLowerCase(Locale.ROOT));
    if (mac == null) return false;
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(claimed, hmac(mac, secret, body));
  }

  /** The header a hub would send: {@code method=hex}; {@code method} is e.g. sha256. */
  public static String sign(String method, String secret, byte[] body) {
    String mac = MACS.get(method);
    if (mac == null) throw new IllegalArgumentException("unknown method " + method);
    return method + "=" + HexFormat.of().formatHex(hmac(mac, secret, body));
  }

  private static byte[] hmac(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
