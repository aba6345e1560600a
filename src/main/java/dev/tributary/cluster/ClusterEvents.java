package dev.tributary.cluster;

import dev.tributary.bus.Addresses;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Carries the events that every member's caches and live streams need across the cluster. Each
 * member's own events stay on its local bus as records; this verticle republishes them as JSON on a
 * cluster-wide address, and hands what other members published back to its local bus as the same
 * records, marked as relayed so they are not sent out again:
 *
 * <ul>
 *   <li>{@code tributary.article.stored} ↔ {@code tributary.cluster.article-stored}: feed caches,
 *       timeline caches and SSE streams of every member hear every new article.
 *   <li>{@code tributary.articles.retagged} ↔ {@code tributary.cluster.articles-retagged}: a re-tag
 *       changed topics in the shared store, so every member drops its caches.
 * </ul>
 *
 * Deployed only on a clustered Vert.x; message shapes are in docs/ARCHITECTURE.md.
 */
public final class ClusterEvents extends VerticleBase {
  /** Header on a relayed local event: the member it came from. */
  static final String RELAYED_FROM = "tributary-relayed-from";

  private final String memberName;

  /**
   * @param memberName this member's name ({@code cluster.memberName}), the events' origin
   */
  public ClusterEvents(String memberName) {
    this.memberName = memberName;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return Future.all(
        bus.<StoredArticle>localConsumer(
                Addresses.ARTICLE_STORED,
                m -> {
                  if (isOwn(m)) {
                    bus.publish(
                        Addresses.CLUSTER_ARTICLE_STORED,
                        ArticleEvent.toJson(memberName, m.body()));
                  }
                })
            .completion(),
        bus.<JsonObject>consumer(
                Addresses.CLUSTER_ARTICLE_STORED,
                m -> {
                  String origin = ArticleEvent.origin(m.body());
                  if (!memberName.equals(origin)) {
                    bus.publish(
                        Addresses.ARTICLE_STORED, ArticleEvent.fromJson(m.body()), relayed(origin));
                  }
                })
            .completion(),
        bus.<Integer>localConsumer(
                Addresses.ARTICLES_RETAGGED,
                m -> {
                  if (isOwn(m)) {
                    bus.publish(
                        Addresses.CLUSTER_ARTICLES_RETAGGED,
                        new JsonObject().put("origin", memberName).put("changed", m.body()));
                  }
                })
            .completion(),
        bus.<JsonObject>consumer(
                Addresses.CLUSTER_ARTICLES_RETAGGED,
                m -> {
                  String origin = m.body().getString("origin");
                  if (!memberName.equals(origin)) {
                    bus.publish(
                        Addresses.ARTICLES_RETAGGED,
                        m.body().getInteger("changed"),
                        relayed(origin));
                  }
                })
            .completion());
  }

  private static boolean isOwn(Message<?> local) {
    return local.headers().get(RELAYED_FROM) == null;
  }

  private static DeliveryOptions relayed(String origin) {
    return new DeliveryOptions().setLocalOnly(true).addHeader(RELAYED_FROM, origin);
  }
}
