package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ReaderAccountTest {
  private final ReaderAccount account = ReaderAccount.of("alice", " s3cret ");

  @Test
  void bothSettingsTurnItOnNeitherLeavesItOffOneAloneIsAnError() {
    assertNull(ReaderAccount.of("", ""));
    ConfigException noPassword =
        assertThrows(ConfigException.class, () -> ReaderAccount.of("alice", ""));
    assertEquals("reader.password: must be set when reader.username is", noPassword.getMessage());
    ConfigException noUser = assertThrows(ConfigException.class, () -> ReaderAccount.of("", "x"));
    assertTrue(noUser.getMessage().startsWith("reader.username: "), noUser.getMessage());
  }

  @Test
  void acceptsOnlyTheExactUsernameAndPassword() {
    assertTrue(account.acceptsPassword("alice", " s3cret "));
    assertFalse(account.acceptsPassword("alice", "s3cret"), "spaces are part of it");
    assertFalse(account.acceptsPassword("Alice", " s3cret "));
    assertFalse(account.acceptsPassword("alice", null));
  }

  @Test
  void tokensSurviveARestartDifferFromEachOtherAndChangeWithThePassword() {
    ReaderAccount again = ReaderAccount.of("alice", " s3cret ");
    assertEquals(account.authToken(), again.authToken());
    assertEquals(account.writeToken(), again.writeToken());
    assertNotEquals(account.authToken(), account.writeToken());
    assertNotEquals(account.authToken(), ReaderAccount.of("alice", "other").authToken());
    assertTrue(account.acceptsAuthToken(account.authToken()));
    assertFalse(account.acceptsAuthToken(account.writeToken()));
    assertTrue(account.acceptsWriteToken(account.writeToken()));
    assertFalse(account.acceptsWriteToken(null));
  }

  @Test
  void theFeverKeyIsTheMd5OfUsernameColonPasswordInEitherCase() throws Exception {
    byte[] md5 =
        MessageDigest.getInstance("MD5").digest("alice: s3cret ".getBytes(StandardCharsets.UTF_8));
    String key = String.format("%032x", new BigInteger(1, md5));
    assertTrue(account.acceptsFeverKey(key));
    assertTrue(account.acceptsFeverKey(key.toUpperCase()));
    assertFalse(account.acceptsFeverKey(key.substring(1)));
  }

  @Test
  void neitherThePasswordNorItsHashIsShown() {
    assertEquals("ReaderAccount[alice]", account.toString());
  }
}
