package dev.tributary.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one reader-app account ({@code reader.username} / {@code reader.password},
 * docs/ARCHITECTURE.md, "Reader apps"), kept without its password: what stays in memory is a PBKDF2
 * hash of it, the tokens derived from that hash, and a digest of the Fever key. Every comparison is
 * constant-time.
 *
 * <p>The hash's salt is derived from the username rather than drawn at random, so the same account
 * gives the same tokens after a restart and on every member of a cluster: reader apps keep their
 * session. Changing the password changes the tokens, which signs every app out.
 *
 * <p>Hashing costs about 80 ms of CPU (100,000 rounds of HMAC-SHA256): the configuration is built
 * on a worker, and {@link #acceptsPassword} must be called on one.
 */
public final class ReaderAccount {
  static final int ROUNDS = 100_000;
  private static final HexFormat HEX = HexFormat.of();

  private final String username;
  private final byte[] passwordHash;
  private final String authToken;
  private final String writeToken;
  private final byte[] feverKeyDigest;

  private ReaderAccount(String username, String password) {
    this.username = username;
    this.passwordHash = hash(username, password);
    this.authToken = HEX.formatHex(hmac(passwordHash, "auth"));
    this.writeToken = HEX.formatHex(hmac(passwordHash, "write"));
    this.feverKeyDigest = sha256(md5Hex(username + ":" + password));
  }

  /**
   * The account of these settings: null when both are empty (the reader APIs are off); a {@link
   * ConfigException} when only one is set.
   */
  static ReaderAccount of(String username, String password) {
    if (username.isEmpty() && password.isEmpty()) return null;
    if (username.isEmpty()) {
      throw ConfigException.forKey("reader.username", "must be set when reader.password is");
    }
    if (password.isEmpty()) {
      throw ConfigException.forKey("reader.password", "must be set when reader.username is");
    }
    if (username.length() > 128 || username.chars().anyMatch(Character::isISOControl)) {
      throw ConfigException.forKey("reader.username", "must be 1 to 128 printable characters");
    }
    return new ReaderAccount(username, password);
  }

  public String username() {
    return username;
  }

  /**
   * Whether these are the account's username and password. Hashes the candidate (about 80 ms): call
   * it on a worker, and only for clients the login limit lets through.
   */
  public boolean acceptsPassword(String candidateUser, String candidatePassword) {
    if (candidateUser == null || candidatePassword == null) return false;
    boolean user = equal(candidateUser, username);
    boolean password = MessageDigest.isEqual(hash(username, candidatePassword), passwordHash);
    return user & password;
  }

  /** The token {@code ClientLogin} hands out ({@code Auth=}), sent back in {@code GoogleLogin}. */
  public String authToken() {
    return authToken;
  }

  /** The write token ({@code T}) that {@code /reader/api/0/token} hands out. */
  public String writeToken() {
    return writeToken;
  }

  public boolean acceptsAuthToken(String candidate) {
    return candidate != null && equal(candidate, authToken);
  }

  public boolean acceptsWriteToken(String candidate) {
    return candidate != null && equal(candidate, writeToken);
  }

  /** Whether this is the Fever {@code api_key}: md5 of {@code username:password}, in hex. */
  public boolean acceptsFeverKey(String apiKey) {
    if (apiKey == null) return false;
    return MessageDigest.isEqual(sha256(apiKey.trim().toLowerCase(Locale.ROOT)), feverKeyDigest);
  }

  @Override
  public String toString() {
    return "ReaderAccount[" + username + "]";
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hash(String username, String password) {
    try {
      byte[] salt = ("tributary reader account " + username).getBytes(StandardCharsets.UTF_8);
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ROUNDS, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(spec)
            .getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] sha256(String text) {
    return digest("SHA-256", text);
  }

  private static String md5Hex(String text) {
    return HEX.formatHex(digest("MD5", text));
  }

  private static byte[] digest(String algorithm, String text) {
    try {
      return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
