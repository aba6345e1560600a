package dev.tributary.sources;

import dev.tributary.sources.parse.ParsedFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What a successful poll hands its source to before the source is saved: in Tributary, the WebSub
 * subscriber ({@code websub/HubSubscriber}), which may ask the feed's hub to push and move the next
 * poll out to the fallback interval. An interface here, so that polling does not depend on WebSub:
 * {@code websub/} builds on {@code sources/}, never the other way round.
 */
@FunctionalInterface
public interface PollFollowUp {
  /**
   * The polled source, possibly with its next poll moved. Never fails: any trouble answers the
   * source as it was polled.
   *
   * @param feed the feed just parsed; null when the poll was a 304
   */
  Future<Source> afterPoll(Source polled, ParsedFeed feed);

  /** Builds a scheduler's follow-up over the fetcher, schedule and clock its polls use. */
  @FunctionalInterface
  interface Factory {
    PollFollowUp create(Vertx vertx, Fetcher fetcher, PollSchedule schedule, Clock clock);
  }
}
