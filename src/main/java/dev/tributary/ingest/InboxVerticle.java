package dev.tributary.ingest;

import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGate;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.ExtractionException;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the inbox folder (inotify through the JDK's WatchService, plus a slow rescan as a safety
 * net) and ingests each file once it has stopped changing, through the {@code inbox} gate: at most
 * its permits in flight, the next files in a bounded window ({@link InboxQueue}) picked oldest
 * first from a listing, and the rest waiting on disk. A file moves to done/ only after the store
 * acknowledged its article; to failed/ when it can never be ingested; and stays put, to be retried,
 * when the failure was ours (store down, timeout).
 *
 * <p>A worker verticle: file I/O here is blocking, and all handlers run on one thread in turn.
 */
public final class InboxVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(InboxVerticle.class);
  private static final long RESCAN_MILLIS = 10_000;
  private static final long RETRY_MILLIS = 30_000;
  private static final long MIN_SCAN_GAP_MILLIS = 100;
  private static final int MAX_HELD = 10_000;

  /**
   * Bytes of inbox files in the pipeline at once, in files of {@code inbox.maxBytes}: the most the
   * old default of four files in flight could hold. Files of a few KB, the usual, go many at a time
   * (up to {@code inbox.maxInFlight}), which fills the store's group commits; files near the limit
   * go four at a time, so the heap's worst case is unchanged.
   */
  static final int MAX_FILES_OF_MAX_BYTES_IN_FLIGHT = 4;

  /** Waits before each further attempt to move a stored file to done/; then it goes to failed/. */
  static final List<Long> MOVE_BACKOFF_MILLIS = List.of(500L, 1_000L, 2_000L, 4_000L);

  private final InboxFolder inbox;
  private final InboxClaims claims;
  private final long maxBytes;
  private final TributaryMetrics metrics;
  private final IngestGate gate;
  private final IngestGates gates;
  private final InboxQueue queue;

  /** The sizes of the files in the pipeline, summed; at most {@link #maxBytesInFlight}. */
  private long bytesInFlight;

  private final long maxBytesInFlight;
  private final AtomicBoolean watchSignalled = new AtomicBoolean();
  private WatchService watcher;
  private boolean scanScheduled;
  private long lastScan;
  private boolean moreOnDisk;
  private long wakeAt = Long.MAX_VALUE;

  /**
   * @param member this instance's name ({@code cluster.memberName}): its claim folder, so that
   *     instances sharing the folder take each file once ({@link InboxClaims})
   */
  public InboxVerticle(
      Path dir,
      String member,
      long maxBytes,
      long settleMillis,
      IngestGates gates,
      TributaryMetrics metrics) {
    this.metrics = metrics;
    this.inbox = new InboxFolder(dir);
    this.claims = new InboxClaims(dir, member);
    this.maxBytes = maxBytes;
    this.maxBytesInFlight = MAX_FILES_OF_MAX_BYTES_IN_FLIGHT * maxBytes;
    this.gates = gates;
    this.gate = gates.of("inbox");
    // A window deep enough that listings (one stat per file waiting) stay rare in a burst, small
    // enough to hold: a thousand paths and snapshots.
    this.queue = new InboxQueue(Math.max(1024, 64 * gate.permits()), MAX_HELD, settleMillis);
  }

  @Override
  public Future<?> start() throws IOException {
    inbox.create();
    claims.create();
    int leftovers = claims.recoverOwn();
    if (leftovers > 0)
      LOG.info("Put {} files claimed before a crash back into the inbox", leftovers);
    vertx.setPeriodic(InboxClaims.HEARTBEAT_MILLIS, id -> beatAndRecover());
    watcher = inbox.dir().getFileSystem().newWatchService();
    inbox
        .dir()
        .register(
            watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    startWatchThread(context);
    vertx.setPeriodic(RESCAN_MILLIS, id -> requestScan());
    scan();
    LOG.info("Watching inbox {}", inbox.dir().toAbsolutePath());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() throws IOException {
    watcher.close();
    return Future.succeededFuture();
  }

  /**
   * The WatchService blocks, so it gets its own daemon thread. Events only say "look again": a
   * burst of thousands of files becomes one listing, not thousands of tasks.
   */
  private void startWatchThread(Context context) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = watcher.take();
                  key.pollEvents();
                  key.reset();
                  if (watchSignalled.compareAndSet(false, true)) {
                    context.runOnContext(
                        v -> {
                          watchSignalled.set(false);
                          requestScan();
                        });
                  }
                }
              } catch (InterruptedException | ClosedWatchServiceException e) {
                // verticle stopped
              }
            },
            "tributary-inbox-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Shows this instance alive, and puts back the files of instances that are not. */
  private void beatAndRecover() {
    try {
      claims.beat();
      int recovered = claims.recoverStale(System.currentTimeMillis());
      if (recovered > 0) {
        LOG.info(
            "Put {} files claimed by an instance that stopped beating back into the inbox",
            recovered);
        requestScan();
      }
    } catch (IOException e) {
      LOG.warn("Cannot keep the inbox claims in {}: {}", inbox.dir(), e.getMessage());
    }
  }

  /** A listing soon, at most one every {@link #MIN_SCAN_GAP_MILLIS}. */
  private void requestScan() {
    if (scanScheduled) return;
    scanScheduled = true;
    long delay = Math.max(1, lastScan + MIN_SCAN_GAP_MILLIS - System.currentTimeMillis());
    vertx.setTimer(delay, id -> scan());
  }

  /** Refills the window from the folder, oldest first, when it is half empty or less. */
  private void scan() {
    scanScheduled = false;
    long now = System.currentTimeMillis();
    lastScan = now;
    if (queue.wantsRefill()) {
      int room = queue.room();
      try {
        List<InboxFolder.Seen> seen = inbox.oldest(room, file -> queue.isKnown(file, now));
        seen.forEach(s -> queue.add(s.file(), s.snapshot(), now));
        moreOnDisk = seen.size() == room;
      } catch (IOException e) {
        LOG.warn("Cannot list inbox {}: {}", inbox.dir(), e.getMessage());
      }
    } else {
      moreOnDisk = true; // files may have arrived; list them once the window has room
    }
    pump();
  }

  /** Starts ready files while the gate has permits; wakes itself for the next one to settle. */
  private void pump() {
    while (gate.inFlight() < gate.permits()) {
      // the oldest ready file waits (and those behind it) until its bytes fit, unless none is in
      long room = bytesInFlight == 0 ? Long.MAX_VALUE : maxBytesInFlight - bytesInFlight;
      InboxQueue.Waiting next = queue.takeReady(System.currentTimeMillis(), room, maxBytes);
      if (next == null) break;
      startIfUnchanged(next);
    }
    if (moreOnDisk && queue.wantsRefill()) requestScan();
    if (gate.inFlight() >= gate.permits()) return; // a finished file pumps again
    long readyAt = queue.nextReadyAt(); // a walk over the window: only when a permit is free
    if (readyAt < wakeAt) {
      wakeAt = readyAt;
      vertx.setTimer(
          Math.max(1, readyAt - System.currentTimeMillis()),
          id -> {
            wakeAt = Long.MAX_VALUE;
            pump();
          });
    }
  }

  private void startIfUnchanged(InboxQueue.Waiting next) {
    Path file = next.file();
    InboxFolder.Snapshot now;
    try {
      now = InboxFolder.snapshot(file);
    } catch (IOException e) {
      return; // gone (moved away or deleted) before its turn
    }
    if (!now.equals(next.snapshot())) {
      queue.add(file, now, System.currentTimeMillis()); // still being written: look again later
      return;
    }
    Optional<Path> claimed;
    try {
      claimed = claims.claim(file);
    } catch (IOException e) {
      LOG.warn("Cannot claim inbox file {}: {}", file.getFileName(), e.getMessage());
      queue.hold(file, System.currentTimeMillis() + RETRY_MILLIS);
      return;
    }
    if (claimed.isEmpty()) return; // another instance sharing the inbox took it
    queue.started(file);
    long weight = InboxQueue.weight(now.size(), maxBytes);
    bytesInFlight += weight;
    gate.submit(() -> ingest(new Claimed(file, claimed.get()), now.size()))
        .onComplete(
            outcome -> {
              bytesInFlight -= weight;
              queue.finished(file);
              if (outcome.failed()) LOG.error("Inbox file {} not handled", file, outcome.cause());
              pump();
            });
  }

  /**
   * An inbox file taken by this instance: where the inbox's window knows it ({@code listed}) and
   * where it is now ({@code path}, in this instance's claim folder).
   */
  private record Claimed(Path listed, Path path) {}

  /** Reads, sends and files away one inbox file; completes when the file is where it belongs. */
  private Future<Void> ingest(Claimed file, long size) {
    String name = file.listed().getFileName().toString();
    Optional<Format> format = Format.fromFileName(name);
    if (format.isEmpty()) {
      metrics.failure("unsupported_type");
      fail(file, "unsupported file type: expected .txt, .md, .markdown, .html or .htm");
      return Future.succeededFuture();
    }
    if (size > maxBytes) {
      metrics.failure("too_large");
      fail(file, "file is " + size + " bytes, over inbox.maxBytes (" + maxBytes + ")");
      return Future.succeededFuture();
    }
    RawDocument doc;
    try {
      doc =
          ArticlePipeline.decode(
              name, format.get(), Files.readAllBytes(file.path()), maxBytes, SourceRef.INBOX);
    } catch (ExtractionException e) {
      metrics.failure("undecodable");
      fail(file, e.getMessage());
      return Future.succeededFuture();
    } catch (IOException e) {
      retryLater(file, "cannot read: " + e.getMessage());
      return Future.succeededFuture();
    }
    return vertx
        .eventBus()
        .<StoredArticle>request(Addresses.PIPELINE, doc, gates.pipelineRequests())
        .transform(
            reply -> {
              if (reply.succeeded()) return moveToDone(file, reply.result().body());
              if (isBadInput(reply.cause())) fail(file, reply.cause().getMessage());
              else retryLater(file, reply.cause().getMessage());
              return Future.succeededFuture();
            });
  }

  private static boolean isBadInput(Throwable failure) {
    int code = Failures.codeOf(failure);
    return code >= 400 && code < 500;
  }

  /**
   * Moves a stored file to done/, trying again with backoff when that fails (never ingesting it
   * again meanwhile), and to failed/ with the reason when it keeps failing.
   */
  private Future<Void> moveToDone(Claimed file, StoredArticle stored) {
    Promise<Void> moved = Promise.promise();
    attemptDone(file, stored, 0, moved);
    return moved.future();
  }

  private void attemptDone(Claimed file, StoredArticle stored, int attempt, Promise<Void> moved) {
    try {
      inbox.moveToDone(file.path());
      queue.release(file.listed());
      LOG.debug(
          "Inbox file {} → article {}{}",
          file.listed().getFileName(),
          stored.article().id(),
          stored.created() ? "" : " (duplicate)");
      moved.complete();
    } catch (IOException e) {
      if (Files.notExists(file.path())) {
        LOG.warn(
            "Stored {} but it was removed from the inbox meanwhile", file.listed().getFileName());
        moved.complete();
        return;
      }
      if (attempt < MOVE_BACKOFF_MILLIS.size()) {
        long wait = MOVE_BACKOFF_MILLIS.get(attempt);
        LOG.warn(
            "Stored {} but cannot move it to done/ ({}); again in {} ms", file.path(), e, wait);
        vertx.setTimer(wait, id -> attemptDone(file, stored, attempt + 1, moved));
        return;
      }
      fail(
          file,
          "stored as article "
              + stored.article().id()
              + " but could not be moved to done/ after "
              + (attempt + 1)
              + " attempts: "
              + e);
      moved.complete();
    }
  }

  private void fail(Claimed file, String reason) {
    try {
      inbox.moveToFailed(file.path(), reason);
      queue.release(file.listed());
      LOG.warn("Inbox file {} rejected: {}", file.listed().getFileName(), reason);
    } catch (IOException e) {
      queue.hold(file.listed(), Long.MAX_VALUE);
      LOG.error(
          "Cannot move {} to failed/ ({}); leaving it claimed, not ingesting it again until"
              + " restart. It was: {}",
          file.path(),
          e,
          reason);
    }
  }

  /**
   * Gives the file back to the inbox, where any instance may take it again; this one passes over it
   * for a while.
   */
  private void retryLater(Claimed file, String reason) {
    Path back = file.listed();
    try {
      back = claims.release(file.path());
    } catch (IOException e) {
      LOG.warn("Cannot put {} back into the inbox: {}", file.path(), e.getMessage());
    }
    queue.release(file.listed());
    queue.hold(back, System.currentTimeMillis() + RETRY_MILLIS);
    LOG.warn("Inbox file {} not ingested yet, will retry: {}", back.getFileName(), reason);
  }
}
