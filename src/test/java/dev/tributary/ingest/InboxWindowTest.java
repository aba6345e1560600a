package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's bounded view of its folder: {@link InboxFolder#oldest} and {@link InboxQueue}. */
class InboxWindowTest {
  @TempDir Path dir;

  private Path file(String name, long modifiedMillis) throws Exception {
    Path file = Files.writeString(dir.resolve(name), name);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    return file;
  }

  @Test
  void aListingKeepsOnlyTheOldestFilesOldestFirst() throws Exception {
    file("c.txt", 3_000);
    file("a.txt", 5_000);
    file("b.txt", 1_000);
    file("d.txt", 1_000);
    file(".hidden.txt", 0);
    file("upload.part", 0);
    Files.writeString(dir.resolve("done"), "a file named like our folder");

    var oldest = new InboxFolder(dir).oldest(3, f -> false);

    assertEquals(
        List.of("b.txt", "d.txt", "c.txt"),
        oldest.stream().map(s -> s.file().getFileName().toString()).toList());
  }

  @Test
  void aListingPassesOverFilesItIsToldToSkip() throws Exception {
    Path b = file("b.txt", 1_000);
    file("c.txt", 2_000);
    var oldest = new InboxFolder(dir).oldest(5, f -> f.equals(b));
    assertEquals(
        List.of("c.txt"), oldest.stream().map(s -> s.file().getFileName().toString()).toList());
  }

  @Test
  void aFileUnchangedForTheSettleTimeIsReadyAtOnceAndAYoungerOneOnlyOnceItCouldHaveSettled()
      throws Exception {
    InboxQueue queue = new InboxQueue(10, 10, 500);
    long now = 100_000;
    Path old = file("old.txt", now - 600);
    Path fresh = file("fresh.txt", now - 100);
    queue.add(fresh, InboxFolder.snapshot(fresh), now);
    queue.add(old, InboxFolder.snapshot(old), now);

    assertEquals(old, queue.takeReady(now).file());
    assertNull(queue.takeReady(now + 499));
    assertEquals(now + 500, queue.nextReadyAt());
    assertEquals(fresh, queue.takeReady(now + 500).file());
  }

  @Test
  void theWindowAsksForARefillOnlyOnceHalfEmpty() throws Exception {
    InboxQueue queue = new InboxQueue(4, 10, 0);
    for (int i = 0; i < 4; i++) {
      Path f = file(i + ".txt", 0);
      queue.add(f, InboxFolder.snapshot(f), 1_000);
    }
    assertEquals(0, queue.room());
    assertFalse(queue.wantsRefill());
    queue.takeReady(1_000);
    assertFalse(queue.wantsRefill());
    queue.takeReady(1_000);
    assertTrue(queue.wantsRefill());
  }

  @Test
  void aFileHeldForGoodIsPassedOverByEveryListingAndARetryOnlyUntilItsTime() throws Exception {
    InboxQueue queue = new InboxQueue(10, 10, 0);
    Path stuck = file("stuck.txt", 0);
    Path retry = file("retry.txt", 0);
    queue.hold(stuck, Long.MAX_VALUE);
    queue.hold(retry, 30_000);

    assertTrue(queue.isKnown(stuck, Long.MAX_VALUE - 1));
    assertTrue(queue.isKnown(retry, 29_999));
    assertFalse(queue.isKnown(retry, 30_000));
  }

  @Test
  void heldFilesAreBoundedAndTheOldestHoldIsForgottenFirst() throws Exception {
    InboxQueue queue = new InboxQueue(10, 2, 0);
    Path first = file("1.txt", 0);
    queue.hold(first, Long.MAX_VALUE);
    queue.hold(file("2.txt", 0), Long.MAX_VALUE);
    queue.hold(file("3.txt", 0), Long.MAX_VALUE);
    assertFalse(queue.isKnown(first, 0), "the oldest hold made room for the newest");
  }
}
