package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxClaimsTest {
  @TempDir Path inbox;

  @Test
  void ofTwoInstancesClaimingOneFileOnlyTheFirstGetsIt() throws Exception {
    InboxClaims a = new InboxClaims(inbox, "a:5701");
    InboxClaims b = new InboxClaims(inbox, "b:5701");
    a.create();
    b.create();
    Path file = Files.writeString(inbox.resolve("note.txt"), "Note\n\nBody.");
    Optional<Path> first = a.claim(file);
    Optional<Path> second = b.claim(file);
    assertTrue(first.isPresent());
    assertEquals(inbox.resolve(".claimed/a_5701/note.txt"), first.get());
    assertFalse(second.isPresent());
    assertEquals("Note\n\nBody.", Files.readString(first.get()));
  }

  @Test
  void putsBackTheFilesOfAnInstanceWhoseHeartbeatStopped() throws Exception {
    InboxClaims dead = new InboxClaims(inbox, "dead");
    InboxClaims alive = new InboxClaims(inbox, "alive");
    dead.create();
    alive.create();
    dead.claim(Files.writeString(inbox.resolve("held.txt"), "Held\n\nBody."));
    long now = System.currentTimeMillis();
    assertEquals(0, alive.recoverStale(now), "a fresh heartbeat is left alone");

    Files.setLastModifiedTime(
        inbox.resolve(".claimed/dead/.alive"),
        FileTime.fromMillis(now - InboxClaims.STALE_MILLIS - 1_000));
    assertEquals(1, alive.recoverStale(now));
    assertEquals("Held\n\nBody.", Files.readString(inbox.resolve("held.txt")));
    assertFalse(Files.exists(inbox.resolve(".claimed/dead")), "the dead instance's folder is gone");
  }

  @Test
  void putsBackItsOwnLeftoversWhenItStartsAgain() throws Exception {
    InboxClaims before = new InboxClaims(inbox, "me");
    before.create();
    before.claim(Files.writeString(inbox.resolve("interrupted.md"), "# Interrupted"));

    InboxClaims after = new InboxClaims(inbox, "me");
    after.create();
    assertEquals(1, after.recoverOwn());
    assertTrue(Files.exists(inbox.resolve("interrupted.md")));
  }

  @Test
  void aClaimRecreatesItsFolderWhenAnotherInstanceRemovedIt() throws Exception {
    InboxClaims paused = new InboxClaims(inbox, "paused");
    paused.create();
    Files.delete(inbox.resolve(".claimed/paused/.alive"));
    Files.delete(inbox.resolve(".claimed/paused"));
    Optional<Path> claimed = paused.claim(Files.writeString(inbox.resolve("late.txt"), "Late"));
    assertTrue(claimed.isPresent());
    assertTrue(Files.exists(claimed.get()));
  }
}
