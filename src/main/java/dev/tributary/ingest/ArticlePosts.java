package dev.tributary.ingest;

import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.DateText;
import dev.tributary.extract.ExtractionException;
import dev.tributary.sources.AddressGuard;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Articles a client posts — {@code POST /api/articles} with a text body, and the event-bus address
 * {@code tributary.ingest} — on their one way into the pipeline: the same checks of the optional
 * fields, the {@code api} gate (a bounded number in the pipeline, a short queue, then 503), the
 * body decoded (where it is, when it is small; on a worker otherwise), then {@code
 * tributary.pipeline}.
 */
public final class ArticlePosts {
  /** The input's gate, shared by every way a client posts. */
  public static final String GATE = "api";

  /**
   * Bodies up to this size are decoded on the thread that holds them (a check for binary bytes and
   * a UTF-8 decode: tens of microseconds for a feed item or an article), larger ones on a worker.
   * Each trip to a worker and back is two thread hand-offs, and on a busy machine a hand-off costs
   * more than the decoding (bench/README.md, "Ingest results").
   */
  static final int DECODED_IN_PLACE_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final IngestGates gates;
  private final long maxBodyBytes;

  public ArticlePosts(Vertx vertx, IngestGates gates, long maxBodyBytes) {
    this.vertx = vertx;
    this.gates = gates;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A post whose optional fields are checked; its body is decoded once it has a permit. */
  public record Post(
      String via,
      Format format,
      byte[] body,
      SourceRef source,
      String title,
      String url,
      Instant published) {}

  /** A field a client gave that cannot be taken; the message names the field. */
  public static final class BadPost extends Exception {
    public BadPost(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Checks a post's fields, each optional but the body: a URL must be one a reader could follow
   * (http or https, a host), {@code published} an ISO-8601 time; a named source becomes {@code
   * api:NAME}.
   */
  public static Post post(
      String via,
      Format format,
      byte[] body,
      String title,
      String url,
      String source,
      String published)
      throws BadPost {
    String link = url == null || url.isBlank() ? null : url.trim();
    if (link != null) {
      String refusal = AddressGuard.refusalBeforeFetch(link, true).orElse(null);
      if (refusal != null) throw new BadPost("url: " + refusal);
    }
    SourceRef ref =
        source == null || source.isBlank()
            ? SourceRef.API
            : new SourceRef("api:" + source.trim(), source.trim());
    return new Post(via, format, body, ref, title, link, publishedOf(published));
  }

  /** Through the {@code api} gate into the pipeline; fails as the pipeline or the gate does. */
  public Future<StoredArticle> submit(Post post) {
    return gates
        .of(GATE)
        .submit(
            () ->
                decoded(post.body())
                    .compose(
                        text ->
                            vertx
                                .eventBus()
                                .<StoredArticle>request(
                                    Addresses.PIPELINE,
                                    new RawDocument(
                                        post.via(),
                                        post.format(),
                                        text,
                                        post.source(),
                                        post.title(),
                                        post.url(),
                                        null,
                                        post.published(),
                                        null,
                                        List.of()),
                                    gates.pipelineRequests()))
                    .map(reply -> reply.body()));
  }

  private Future<String> decoded(byte[] body) {
    if (body == null || body.length > DECODED_IN_PLACE_BYTES) {
      // decoding a body of up to http.maxBodyBytes is work for a worker
      return vertx.executeBlocking(() -> BodyDecoder.decode(body, maxBodyBytes), false);
    }
    try {
      return Future.succeededFuture(BodyDecoder.decode(body, maxBodyBytes));
    } catch (ExtractionException e) {
      return Future.failedFuture(e);
    }
  }

  private static Instant publishedOf(String text) throws BadPost {
    try {
      return DateText.strictIso(text);
    } catch (DateTimeParseException e) {
      throw new BadPost("published: expected an ISO-8601 time such as 2026-11-21T10:00:00Z");
    }
  }
}
