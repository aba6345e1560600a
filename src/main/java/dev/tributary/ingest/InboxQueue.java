package dev.tributary.ingest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the inbox knows about its files, bounded however many wait on disk: a window of at most
 * {@code capacity} files picked from the folder (oldest first) waiting to settle and for a place in
 * the pipeline, the files in flight, and the files held back for a while (to retry later) or for
 * good (they could be moved neither to done/ nor to failed/). Everything else waits on disk and is
 * picked by a later listing. Not thread-safe: the inbox verticle's one thread owns it.
 */
final class InboxQueue {
  /** A file in the window: as last seen, and when it may be read if it is still the same then. */
  record Waiting(Path file, InboxFolder.Snapshot snapshot, long readyAt) {}

  private final int capacity;
  private final long settleMillis;
  private final Map<Path, Waiting> waiting = new LinkedHashMap<>();
  private final Set<Path> inFlight = new HashSet<>();
  private final Map<Path, Long> heldUntil;

  /**
   * @param capacity files in the window at most
   * @param maxHeld files held back at most; past that the oldest hold is forgotten, which only
   *     means that file is tried again sooner
   */
  InboxQueue(int capacity, int maxHeld, long settleMillis) {
    this.capacity = capacity;
    this.settleMillis = settleMillis;
    this.heldUntil =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Path, Long> eldest) {
            return size() > maxHeld;
          }
        };
  }

  /** Free places in the window. */
  int room() {
    return capacity - waiting.size();
  }

  /** Whether the window is low enough to be worth a listing of the folder. */
  boolean wantsRefill() {
    return waiting.size() <= capacity / 2;
  }

  int waitingCount() {
    return waiting.size();
  }

  /** Whether a listing should pass over this file: already known, in flight or held back. */
  boolean isKnown(Path file, long now) {
    if (waiting.containsKey(file) || inFlight.contains(file)) return true;
    Long until = heldUntil.get(file);
    if (until == null) return false;
    if (until > now) return true;
    heldUntil.remove(file);
    return false;
  }

  /**
   * Takes a file into the window. A file last modified at least {@code settleMillis} ago has
   * already stopped changing and is ready at once; a younger one is looked at again once it could
   * have settled.
   */
  void add(Path file, InboxFolder.Snapshot snapshot, long now) {
    boolean settled = snapshot.modified().toMillis() <= now - settleMillis;
    waiting.put(file, new Waiting(file, snapshot, settled ? now : now + settleMillis));
  }

  /** The first file of the window (in the order taken) that is ready by now, taken out of it. */
  Waiting takeReady(long now) {
    return takeReady(now, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * The first file of the window that is ready by now, taken out of it if its {@link #weight} fits
   * in {@code room}; null when none is ready or the first ready one does not fit (it keeps its
   * place: files start oldest first).
   */
  Waiting takeReady(long now, long room, long maxBytes) {
    for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
      Waiting w = it.next();
      if (w.readyAt() <= now) {
        if (weight(w.snapshot().size(), maxBytes) > room) return null;
        it.remove();
        return w;
      }
    }
    return null;
  }

  /**
   * What a file of this size holds in memory while in the pipeline, counted in bytes: its size, or
   * nothing past {@code maxBytes} (such a file is refused before it is read).
   */
  static long weight(long size, long maxBytes) {
    return size > maxBytes ? 0 : size;
  }

  /** When the next file of the window will be ready, or {@code Long.MAX_VALUE} when it is empty. */
  long nextReadyAt() {
    long next = Long.MAX_VALUE;
    for (Waiting w : waiting.values()) next = Math.min(next, w.readyAt());
    return next;
  }

  void started(Path file) {
    inFlight.add(file);
  }

  void finished(Path file) {
    inFlight.remove(file);
  }

  int inFlightCount() {
    return inFlight.size();
  }

  /** Passes over the file in listings until {@code until} ({@code Long.MAX_VALUE}: for good). */
  void hold(Path file, long until) {
    heldUntil.put(file, until);
  }

  void release(Path file) {
    heldUntil.remove(file);
  }
}
