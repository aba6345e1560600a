package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.TopicTagger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

/** Second stage: tags an article with its topics and hands it to the store. Runs on a worker. */
public final class TaggerVerticle extends VerticleBase {
  private final TopicTagger tagger;

  public TaggerVerticle(TopicTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<Article>consumer(Addresses.TAG, this::onArticle).completion();
  }

  private void onArticle(Message<Article> message) {
    Article draft = message.body();
    Article tagged;
    try {
      tagged = draft.withTopics(tagger.tag(draft.title(), draft.text()));
    } catch (RuntimeException e) {
      message.fail(Failures.INTERNAL, "tagging failed: " + e);
      return;
    }
    vertx
        .eventBus()
        .<StoredArticle>request(Addresses.STORE_PUT, tagged)
        .onSuccess(reply -> message.reply(reply.body()))
        .onFailure(failure -> Failures.relay(message, failure));
  }
}
