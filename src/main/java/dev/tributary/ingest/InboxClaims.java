package dev.tributary.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * How instances sharing one inbox folder take each file exactly once: an instance claims a file by
 * renaming it into its own folder {@code .claimed/<member>/} before reading it. A rename is atomic
 * on one file system, so of two instances renaming the same file exactly one succeeds; the other
 * finds it gone and passes over it.
 *
 * <p>No file is lost when an instance dies holding claims: each instance touches {@code
 * .claimed/<member>/.alive} every few seconds, and any instance that finds another's heartbeat
 * older than {@link #STALE_MILLIS} takes that folder's files — each by a rename into its own
 * folder, so again only one instance can — and puts them back into the inbox, where they are
 * ingested like new files. An instance also puts back its own leftovers when it starts (a crash of
 * its previous run). Were an instance only paused that long, a file could be ingested twice; the
 * store's duplicate check (the same text is one article) keeps that to one article.
 *
 * <p>Blocking file operations; called from the inbox's worker.
 */
public final class InboxClaims {
  static final String CLAIMED = ".claimed";
  static final String HEARTBEAT = ".alive";

  /** How often an instance shows it is alive. */
  static final long HEARTBEAT_MILLIS = 5_000;

  /** A heartbeat this old marks a dead instance: six beats missed. */
  static final long STALE_MILLIS = 30_000;

  private final Path inbox;
  private final Path root;
  private final Path mine;

  /**
   * @param member this instance's name ({@code cluster.memberName}), unique among the live ones
   */
  public InboxClaims(Path inbox, String member) {
    this.inbox = inbox;
    this.root = inbox.resolve(CLAIMED);
    this.mine = root.resolve(folderName(member));
  }

  /** A member name as a folder name: the ':' of host:port is not welcome on every file system. */
  static String folderName(String member) {
    return member.replace(':', '_');
  }

  /** Creates this instance's folder and beats once. */
  public void create() throws IOException {
    Files.createDirectories(mine);
    beat();
  }

  /** This instance's claimed copy of {@code file}, or empty when another instance took it first. */
  public Optional<Path> claim(Path file) throws IOException {
    Path target = InboxFolder.freeName(mine, file.getFileName().toString());
    try {
      return Optional.of(Files.move(file, target, StandardCopyOption.ATOMIC_MOVE));
    } catch (NoSuchFileException e) {
      if (Files.notExists(file)) return Optional.empty();
      // our own folder is gone (another instance took us for dead after a long pause): again
      Files.createDirectories(mine);
      return claim(file);
    }
  }

  /** Puts a claimed file back into the inbox (under a free name); answers where it is now. */
  public Path release(Path claimed) throws IOException {
    Path target = InboxFolder.freeName(inbox, claimed.getFileName().toString());
    return Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
  }

  public void beat() throws IOException {
    Files.createDirectories(mine);
    Path heartbeat = mine.resolve(HEARTBEAT);
    if (Files.notExists(heartbeat)) Files.createFile(heartbeat);
    Files.setLastModifiedTime(heartbeat, FileTime.fromMillis(System.currentTimeMillis()));
  }

  /** Puts this instance's leftovers (from a run that crashed) back; answers how many. */
  public int recoverOwn() throws IOException {
    return putBack(mine, false);
  }

  /**
   * Puts back the files of every other instance whose heartbeat is older than {@link
   * #STALE_MILLIS}, and removes its emptied folder; answers how many files came back.
   */
  public int recoverStale(long nowMillis) throws IOException {
    int recovered = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path folder : folders) {
        if (folder.equals(mine) || !isStale(folder, nowMillis)) continue;
        recovered += putBack(folder, true);
      }
    }
    return recovered;
  }

  private static boolean isStale(Path folder, long nowMillis) {
    try {
      Path heartbeat = folder.resolve(HEARTBEAT);
      Path marker = Files.exists(heartbeat) ? heartbeat : folder;
      return nowMillis - Files.getLastModifiedTime(marker).toMillis() > STALE_MILLIS;
    } catch (IOException e) {
      return false; // gone meanwhile: someone else recovered it
    }
  }

  /**
   * Moves a folder's files into the inbox. Another instance's files are first claimed into ours, so
   * that of two instances recovering the same folder only one moves each file.
   */
  private int putBack(Path folder, boolean othersFolder) throws IOException {
    int count = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        if (file.getFileName().toString().equals(HEARTBEAT) || !Files.isRegularFile(file)) continue;
        Optional<Path> ours = othersFolder ? claim(file) : Optional.of(file);
        if (ours.isEmpty()) continue;
        release(ours.get());
        count++;
      }
    }
    if (othersFolder) {
      try {
        Files.deleteIfExists(folder.resolve(HEARTBEAT));
        Files.deleteIfExists(folder);
      } catch (IOException e) {
        // not empty (the instance came back and claimed more) or removed by another instance
      }
    }
    return count;
  }
}
