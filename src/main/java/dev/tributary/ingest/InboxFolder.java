package dev.tributary.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The inbox on disk: which files are candidates, and moving a file to {@code done/} or to {@code
 * failed/} with a {@code NAME.error.txt} beside it. Blocking; call from a worker.
 */
public final class InboxFolder {
  private final Path dir;
  private final Path done;
  private final Path failed;

  public InboxFolder(Path dir) {
    this.dir = dir;
    this.done = dir.resolve("done");
    this.failed = dir.resolve("failed");
  }

  public Path dir() {
    return dir;
  }

  public void create() throws IOException {
    Files.createDirectories(done);
    Files.createDirectories(failed);
  }

  /**
   * The {@code limit} oldest candidates (by modification time, then name) that {@code skip} does
   * not exclude, oldest first. One pass over the folder that keeps only {@code limit} entries,
   * however many files wait there.
   */
  public List<Seen> oldest(int limit, Predicate<Path> skip) throws IOException {
    if (limit <= 0) return List.of();
    PriorityQueue<Seen> newestFirst = new PriorityQueue<>(limit + 1, OLDEST_FIRST.reversed());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (isIgnored(file) || skip.test(file)) continue;
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
          continue; // gone since the listing
        }
        if (!attributes.isRegularFile()) continue;
        newestFirst.add(
            new Seen(file, new Snapshot(attributes.size(), attributes.lastModifiedTime())));
        if (newestFirst.size() > limit) newestFirst.poll();
      }
    }
    List<Seen> oldest = new ArrayList<>(newestFirst);
    oldest.sort(OLDEST_FIRST);
    return oldest;
  }

  /** A file as one listing saw it. */
  public record Seen(Path file, Snapshot snapshot) {}

  private static final Comparator<Seen> OLDEST_FIRST =
      Comparator.comparing((Seen s) -> s.snapshot().modified())
          .thenComparing(s -> s.file().getFileName().toString());

  public static boolean isCandidate(Path file) {
    return !isIgnored(file) && Files.isRegularFile(file);
  }

  /** Hidden and temporary names, and our own folders' names (even when one is not a folder). */
  private static boolean isIgnored(Path file) {
    String name = file.getFileName().toString();
    return name.equals("done")
        || name.equals("failed")
        || name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".tmp")
        || name.endsWith(".part")
        || name.endsWith(".swp");
  }

  /** Size and modification time, to tell a file still being written from a finished one. */
  public record Snapshot(long size, FileTime modified) {}

  public static Snapshot snapshot(Path file) throws IOException {
    return new Snapshot(Files.size(file), Files.getLastModifiedTime(file));
  }

  public Path moveToDone(Path file) throws IOException {
    return moveInto(done, file);
  }

  public Path moveToFailed(Path file, String reason) throws IOException {
    // the note is complete before it appears, and before the file does: whoever sees a file in
    // failed/ finds its reason beside it, never an empty note
    Path target = freeName(failed, file.getFileName().toString());
    Path note = target.resolveSibling(target.getFileName() + ".error.txt");
    Path draft = failed.resolve("." + note.getFileName() + ".tmp");
    Files.writeString(draft, reason + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.move(draft, note, StandardCopyOption.ATOMIC_MOVE);
    return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path moveInto(Path folder, Path file) throws IOException {
    Path target = freeName(folder, file.getFileName().toString());
    return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** NAME, or NAME-1, NAME-2… before the extension when NAME is taken. */
  static Path freeName(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; Files.exists(candidate); i++) candidate = folder.resolve(stem + "-" + i + ext);
    return candidate;
  }
}
