package dev.tributary.bridge;

import dev.tributary.article.ArticleJson;
import dev.tributary.article.Format;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.bus.IngestGate;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticlePosts;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public ingest address {@code tributary.ingest}: another service's article as JSON, taken the
 * way {@code POST /api/articles} takes one ({@link ArticlePosts}: the same checks, the {@code api}
 * gate, the pipeline), answered with the stored article's JSON or a failure whose code is an HTTP
 * status. A plain consumer, so in a cluster any instance's services reach it.
 */
public final class IngestAddress extends VerticleBase {
  /** The header of a reply that says whether the article is new ({@code true}) or was stored. */
  public static final String CREATED_HEADER = "created";

  private static final Map<String, Format> BODIES =
      Map.of("text", Format.TEXT, "markdown", Format.MARKDOWN, "html", Format.HTML);
  private static final Set<String> FIELDS =
      Set.of("title", "text", "html", "markdown", "url", "source", "published");

  private final ArticlePosts posts;
  private final long maxBodyBytes;

  public IngestAddress(ArticlePosts posts, long maxBodyBytes) {
    this.posts = posts;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<Object>consumer(Addresses.PUBLIC_INGEST, this::onArticle).completion();
  }

  private void onArticle(Message<Object> message) {
    ArticlePosts.Post post;
    try {
      post = postOf(message.body());
    } catch (ArticlePosts.BadPost e) {
      message.fail(400, e.getMessage());
      return;
    } catch (TooLarge e) {
      message.fail(Failures.TOO_LARGE, e.getMessage());
      return;
    }
    posts
        .submit(post)
        .onSuccess(
            stored ->
                message.reply(
                    ArticleJson.of(stored.article()),
                    new DeliveryOptions()
                        .addHeader(CREATED_HEADER, Boolean.toString(stored.created()))))
        .onFailure(e -> fail(message, e));
  }

  private static void fail(Message<Object> message, Throwable failure) {
    if (failure instanceof IngestGate.Saturated) {
      message.fail(Failures.SATURATED, failure.getMessage());
    } else if (failure instanceof ExtractionException) { // the body decoder's: empty, binary
      message.fail(400, failure.getMessage());
    } else {
      Failures.relay(message, failure);
    }
  }

  private ArticlePosts.Post postOf(Object body) throws ArticlePosts.BadPost, TooLarge {
    if (!(body instanceof JsonObject json)) {
      throw new ArticlePosts.BadPost(
          "the body must be a JSON object with \"text\", \"html\" or \"markdown\"");
    }
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new ArticlePosts.BadPost(
            "unknown field '" + field + "'; " + Addresses.PUBLIC_INGEST + " takes " + fields());
      }
    }
    String bodyField = null;
    for (String field : BODIES.keySet()) {
      if (json.containsKey(field)) {
        if (bodyField != null) {
          throw new ArticlePosts.BadPost("give one of \"text\", \"html\" or \"markdown\", not two");
        }
        bodyField = field;
      }
    }
    if (bodyField == null) {
      throw new ArticlePosts.BadPost("the article needs \"text\", \"html\" or \"markdown\"");
    }
    byte[] bytes = string(json, bodyField).getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBodyBytes) {
      throw new TooLarge(
          bodyField + ": " + bytes.length + " bytes, the limit is " + maxBodyBytes + " bytes");
    }
    return ArticlePosts.post(
        Addresses.PUBLIC_INGEST,
        BODIES.get(bodyField),
        bytes,
        string(json, "title"),
        string(json, "url"),
        string(json, "source"),
        string(json, "published"));
  }

  private static String string(JsonObject json, String field) throws ArticlePosts.BadPost {
    Object value = json.getValue(field);
    if (value == null || value instanceof String) return (String) value;
    throw new ArticlePosts.BadPost(field + ": must be a string");
  }

  private static String fields() {
    return String.join(", ", new TreeSet<>(FIELDS));
  }

  private static final class TooLarge extends Exception {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
