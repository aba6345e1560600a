package dev.tributary.http;

import dev.tributary.article.ArticleJson;
import dev.tributary.bus.Addresses;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/stream}: Server-Sent Events, one {@code article} event per newly stored article,
 * optionally only those in {@code ?topic=} (repeatable or comma-separated). The event id is the
 * article's store sequence number, so a client that reconnects with {@code Last-Event-ID} first
 * gets every article it missed, replayed from the store.
 *
 * <p>Each HTTP instance listens for stored articles once and hands every event to its connected
 * clients; the event's frame is encoded once, when the first client takes it, and the one buffer is
 * written to all of them.
 */
final class StreamRoutes {
  private final Vertx vertx;
  private final long keepAliveMillis;
  private final Set<StreamSession> sessions = new LinkedHashSet<>();

  StreamRoutes(Vertx vertx, long keepAliveMillis) {
    this.vertx = vertx;
    this.keepAliveMillis = keepAliveMillis;
    vertx
        .eventBus()
        .<StoredArticle>localConsumer(
            Addresses.ARTICLE_STORED,
            m -> {
              SseEvent event = new SseEvent(m.body());
              for (StreamSession session : List.copyOf(sessions)) session.onLive(event);
            });
  }

  /** One stored article as an SSE frame, encoded at most once however many clients get it. */
  private static final class SseEvent {
    final StoredArticle stored;
    private Buffer frame;

    SseEvent(StoredArticle stored) {
      this.stored = stored;
    }

    Buffer frame() {
      if (frame == null) {
        frame =
            Buffer.buffer(
                "id: "
                    + stored.seq()
                    + "\nevent: article\ndata: "
                    + ArticleJson.of(stored.article()).encode()
                    + "\n\n");
      }
      return frame;
    }
  }

  void mount(Router router) {
    router.get("/api/stream").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    List<String> topics = TimelineParams.topics(ctx.queryParams());
    String lastEventId = ctx.request().getHeader("Last-Event-ID");
    if (lastEventId == null) lastEventId = ctx.queryParams().get("lastEventId");
    long resumeAfter;
    try {
      resumeAfter =
          lastEventId == null || lastEventId.isBlank() ? -1 : Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      Errors.send(ctx, 400, "Last-Event-ID: not an event id this server sent");
      return;
    }
    ctx.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no")
        // Compression would hold events back in the compressor's buffer.
        .putHeader("Content-Encoding", "identity");
    ctx.response().write("retry: 3000\n\n");
    new StreamSession(vertx, ctx, topics, keepAliveMillis, sessions).start(resumeAfter);
  }

  /** One connected client: live events, buffered while a replay from the store is running. */
  private static final class StreamSession {
    private static final int REPLAY_BATCH = 200;

    private final Vertx vertx;
    private final RoutingContext ctx;
    private final List<String> topics;
    private final long keepAliveMillis;
    private final Set<StreamSession> live;
    private final List<SseEvent> heldBack = new ArrayList<>();
    private boolean replaying;
    private long lastSent = -1;

    StreamSession(
        Vertx vertx,
        RoutingContext ctx,
        List<String> topics,
        long keepAliveMillis,
        Set<StreamSession> live) {
      this.vertx = vertx;
      this.live = live;
      this.ctx = ctx;
      this.topics = topics;
      this.keepAliveMillis = keepAliveMillis;
    }

    void start(long resumeAfter) {
      live.add(this);
      long timer =
          vertx.setPeriodic(keepAliveMillis, id -> ctx.response().write(": keep-alive\n\n"));
      ctx.response()
          .closeHandler(
              v -> {
                live.remove(this);
                vertx.cancelTimer(timer);
              });
      if (resumeAfter >= 0) {
        replaying = true;
        lastSent = resumeAfter;
        replayFrom(resumeAfter);
      }
    }

    private void replayFrom(long afterSeq) {
      vertx
          .eventBus()
          .<ReplayBatch>request(
              Addresses.STORE_REPLAY, new ReplayQuery(afterSeq, topics, REPLAY_BATCH))
          .onSuccess(
              reply -> {
                List<StoredArticle> items = reply.body().items();
                items.forEach(stored -> send(new SseEvent(stored)));
                if (items.size() == REPLAY_BATCH) {
                  replayFrom(items.get(items.size() - 1).seq());
                } else {
                  replaying = false;
                  heldBack.forEach(this::send);
                  heldBack.clear();
                }
              })
          .onFailure(e -> ctx.response().reset()); // the client reconnects and tries again
    }

    void onLive(SseEvent event) {
      if (!matches(event.stored)) return;
      if (replaying) heldBack.add(event);
      else send(event);
    }

    private boolean matches(StoredArticle stored) {
      return topics.isEmpty()
          || stored.article().topics().stream().anyMatch(t -> topics.contains(t.slug()));
    }

    private void send(SseEvent event) {
      StoredArticle stored = event.stored;
      if (stored.seq() <= lastSent || ctx.response().closed()) return;
      if (ctx.response().writeQueueFull()) {
        // A client that cannot keep up is cut off; it resumes from the store on reconnect.
        ctx.response().reset();
        return;
      }
      lastSent = stored.seq();
      ctx.response().write(event.frame());
    }
  }
}
