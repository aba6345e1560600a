package dev.tributary.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

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

  /** Regular files directly in the inbox, skipping hidden and temporary ones. */
  public List<Path> candidates() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(InboxFolder::isCandidate).sorted().toList();
    }
  }

  public static boolean isCandidate(Path file) {
    String name = file.getFileName().toString();
    boolean temporary =
        name.startsWith(".")
            || name.endsWith("~")
            || name.endsWith(".tmp")
            || name.endsWith(".part")
            || name.endsWith(".swp");
    return !temporary && Files.isRegularFile(file);
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
    Path target = moveInto(failed, file);
    Path note = target.resolveSibling(target.getFileName() + ".error.txt");
    Files.writeString(note, reason + System.lineSeparator(), StandardCharsets.UTF_8);
    return target;
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
