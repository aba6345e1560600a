package dev.tributary.websub;

import dev.tributary.bus.Addresses;
import dev.tributary.bus.Failures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;

/** The stored WebSub subscriptions, read and written through the store verticle. */
public final class HubSubscriptions {
  private final Vertx vertx;

  public HubSubscriptions(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The source's subscription; null when it has none (or the source is gone). */
  public Future<HubSubscription> of(String sourceId) {
    return vertx
        .eventBus()
        .<HubSubscription>request(Addresses.STORE_HUB_SUBSCRIPTION, sourceId)
        .map(reply -> reply.body())
        .recover(
            e ->
                e instanceof ReplyException r && r.failureCode() == Failures.NOT_FOUND
                    ? Future.succeededFuture(null)
                    : Future.failedFuture(e));
  }

  /** Saves it; false when its source no longer exists. */
  public Future<Boolean> save(HubSubscription subscription) {
    return vertx
        .eventBus()
        .<Boolean>request(Addresses.STORE_SAVE_HUB_SUBSCRIPTION, subscription)
        .map(reply -> reply.body());
  }
}
