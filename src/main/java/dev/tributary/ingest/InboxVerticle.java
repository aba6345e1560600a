package dev.tributary.ingest;

import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.extract.ExtractionException;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the inbox folder (inotify through the JDK's WatchService, plus a slow rescan as a safety
 * net) and ingests each file once it has stopped changing. A file moves to done/ only after the
 * store acknowledged its article; to failed/ when it can never be ingested; and stays put, to be
 * retried, when the failure was ours (store down, timeout).
 *
 * <p>A worker verticle: file I/O here is blocking, and all handlers run on one thread in turn.
 */
public final class InboxVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(InboxVerticle.class);
  private static final long RESCAN_MILLIS = 10_000;
  private static final long RETRY_MILLIS = 30_000;

  private final InboxFolder inbox;
  private final long maxBytes;
  private final long settleMillis;
  private final TributaryMetrics metrics;
  private final Map<Path, InboxFolder.Snapshot> settling = new HashMap<>();
  private final Set<Path> inFlight = new HashSet<>();
  private final Map<Path, Long> retryAt = new HashMap<>();
  private WatchService watcher;

  public InboxVerticle(Path dir, long maxBytes, long settleMillis, TributaryMetrics metrics) {
    this.metrics = metrics;
    this.inbox = new InboxFolder(dir);
    this.maxBytes = maxBytes;
    this.settleMillis = Math.max(settleMillis, 1);
  }

  @Override
  public Future<?> start() throws IOException {
    inbox.create();
    watcher = inbox.dir().getFileSystem().newWatchService();
    inbox
        .dir()
        .register(
            watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    startWatchThread(context);
    vertx.setPeriodic(RESCAN_MILLIS, id -> rescan());
    rescan();
    LOG.info("Watching inbox {}", inbox.dir().toAbsolutePath());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() throws IOException {
    watcher.close();
    return Future.succeededFuture();
  }

  /** The WatchService blocks, so it gets its own daemon thread that hands paths to our context. */
  private void startWatchThread(Context context) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = watcher.take();
                  for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                      Path file = inbox.dir().resolve(name);
                      context.runOnContext(v -> observe(file));
                    } else {
                      context.runOnContext(v -> rescan()); // OVERFLOW: events were lost
                    }
                  }
                  key.reset();
                }
              } catch (InterruptedException | ClosedWatchServiceException e) {
                // verticle stopped
              }
            },
            "tributary-inbox-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void rescan() {
    try {
      inbox.candidates().forEach(this::observe);
    } catch (IOException e) {
      LOG.warn("Cannot list inbox {}: {}", inbox.dir(), e.getMessage());
    }
  }

  /** A file changed or was seen: start (or keep) watching it until it is stable. */
  private void observe(Path file) {
    if (inFlight.contains(file) || settling.containsKey(file)) return;
    if (retryAt.getOrDefault(file, 0L) > System.currentTimeMillis()) return;
    if (!InboxFolder.isCandidate(file)) return;
    settling.put(file, null);
    vertx.setTimer(settleMillis, id -> checkSettled(file));
  }

  private void checkSettled(Path file) {
    InboxFolder.Snapshot before = settling.get(file);
    InboxFolder.Snapshot now;
    try {
      now = InboxFolder.snapshot(file);
    } catch (IOException e) {
      settling.remove(file); // gone (moved away or deleted) before it settled
      return;
    }
    if (now.equals(before)) {
      settling.remove(file);
      ingest(file, now.size());
    } else {
      settling.put(file, now);
      vertx.setTimer(settleMillis, id -> checkSettled(file));
    }
  }

  private void ingest(Path file, long size) {
    String name = file.getFileName().toString();
    Optional<Format> format = Format.fromFileName(name);
    if (format.isEmpty()) {
      metrics.failure("unsupported_type");
      fail(file, "unsupported file type: expected .txt, .md, .markdown, .html or .htm");
      return;
    }
    if (size > maxBytes) {
      metrics.failure("too_large");
      fail(file, "file is " + size + " bytes, over inbox.maxBytes (" + maxBytes + ")");
      return;
    }
    RawDocument doc;
    try {
      String body = BodyDecoder.decode(Files.readAllBytes(file), maxBytes);
      doc = RawDocument.of(name, format.get(), body, SourceRef.INBOX);
    } catch (ExtractionException e) {
      metrics.failure("undecodable");
      fail(file, e.getMessage());
      return;
    } catch (IOException e) {
      retryLater(file, "cannot read: " + e.getMessage());
      return;
    }
    inFlight.add(file);
    vertx
        .eventBus()
        .<StoredArticle>request(Addresses.INGEST, doc)
        .onComplete(
            reply -> {
              inFlight.remove(file);
              if (reply.succeeded()) done(file, reply.result().body());
              else if (isBadInput(reply.cause())) fail(file, reply.cause().getMessage());
              else retryLater(file, reply.cause().getMessage());
            });
  }

  private static boolean isBadInput(Throwable failure) {
    int code = Failures.codeOf(failure);
    return code >= 400 && code < 500;
  }

  private void done(Path file, StoredArticle stored) {
    try {
      inbox.moveToDone(file);
      retryAt.remove(file);
      LOG.info(
          "Inbox file {} → article {}{}",
          file.getFileName(),
          stored.article().id(),
          stored.created() ? "" : " (duplicate)");
    } catch (IOException e) {
      LOG.error("Stored {} but cannot move it to done/: {}", file, e.getMessage());
    }
  }

  private void fail(Path file, String reason) {
    try {
      inbox.moveToFailed(file, reason);
      retryAt.remove(file);
      LOG.warn("Inbox file {} rejected: {}", file.getFileName(), reason);
    } catch (IOException e) {
      LOG.error("Cannot move {} to failed/: {}", file, e.getMessage());
    }
  }

  private void retryLater(Path file, String reason) {
    retryAt.put(file, System.currentTimeMillis() + RETRY_MILLIS);
    LOG.warn("Inbox file {} not ingested yet, will retry: {}", file.getFileName(), reason);
  }
}
