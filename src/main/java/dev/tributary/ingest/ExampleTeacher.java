package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.topics.TopicModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches topics by example: resolves the article ids and texts of a request into examples, stores
 * them, and has the model learn them. Runs on the tagger verticle's thread.
 */
public final class ExampleTeacher {
  static final int MAX_EXAMPLES_PER_REQUEST = 100;

  private final Vertx vertx;
  private final TopicModel model;

  ExampleTeacher(Vertx vertx, TopicModel model) {
    this.vertx = vertx;
    this.model = model;
  }

  /** Learns stored examples; answers how many. */
  public static int teach(TopicModel model, List<TopicExample> examples) {
    var bySlug = new java.util.LinkedHashMap<String, List<String[]>>();
    for (TopicExample e : examples) {
      bySlug
          .computeIfAbsent(e.slug(), s -> new ArrayList<>())
          .add(new String[] {e.title(), e.text()});
    }
    bySlug.forEach(model::addExamples);
    return examples.size();
  }

  void onAddExamples(Message<Object> message) {
    JsonObject request = (JsonObject) message.body();
    String slug = request.getString("slug");
    if (model.taxonomy().topic(slug).isEmpty()) {
      message.fail(Failures.NOT_FOUND, "no topic '" + slug + "'; GET /api/topics lists them");
      return;
    }
    JsonArray ids = request.getJsonArray("articleIds", new JsonArray());
    JsonArray texts = request.getJsonArray("texts", new JsonArray());
    if (ids.size() + texts.size() == 0 || ids.size() + texts.size() > MAX_EXAMPLES_PER_REQUEST) {
      message.fail(
          Failures.BAD_INPUT,
          "give between 1 and " + MAX_EXAMPLES_PER_REQUEST + " examples in articleIds or texts");
      return;
    }
    List<Future<TopicExample>> examples = new ArrayList<>();
    for (Object id : ids) examples.add(fromArticle(slug, String.valueOf(id)));
    for (Object t : texts) {
      TopicExample e = fromText(slug, t);
      if (e == null) {
        message.fail(Failures.BAD_INPUT, "each text needs a non-empty \"text\"");
        return;
      }
      examples.add(Future.succeededFuture(e));
    }
    Future.all(examples)
        .compose(
            all -> {
              List<TopicExample> list = all.list();
              return vertx
                  .eventBus()
                  .<Integer>request(Addresses.STORE_ADD_EXAMPLES, new TopicExamples(list))
                  .map(
                      stored -> {
                        teach(model, list);
                        return new JsonObject()
                            .put("slug", slug)
                            .put("added", list.size())
                            .put("examples", stored.body());
                      });
            })
        .onSuccess(message::reply)
        .onFailure(e -> Failures.relay(message, e));
  }

  private Future<TopicExample> fromArticle(String slug, String id) {
    return vertx
        .eventBus()
        .<Article>request(Addresses.STORE_GET, id)
        .map(reply -> new TopicExample(slug, reply.body().title(), reply.body().text(), id));
  }

  private static TopicExample fromText(String slug, Object item) {
    if (item instanceof String text && !text.isBlank())
      return new TopicExample(slug, "", text, null);
    if (item instanceof JsonObject o && !o.getString("text", "").isBlank()) {
      return new TopicExample(slug, o.getString("title", ""), o.getString("text"), null);
    }
    return null;
  }
}
