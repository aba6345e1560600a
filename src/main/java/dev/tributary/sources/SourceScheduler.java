package dev.tributary.sources;

import dev.tributary.bus.Addresses;
import dev.tributary.bus.IngestGates;
import dev.tributary.metrics.TributaryMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls sources when they are due. Every second (and at once when a source is subscribed) it asks
 * the store for due sources, up to the free places among {@code poll.maxInFlight}, and starts a
 * {@link SourcePoller} for each. Polls run concurrently and each ends with its own timeout, so a
 * slow or hanging source never delays another. The schedule lives in the store (each source's next
 * poll), so it survives restarts; asking for due sources claims them, so instances sharing a store
 * poll each source once.
 *
 * <p>In a cluster each instance claims at most {@linkplain #share its share} of {@code
 * poll.maxInFlight} per tick, so sources that fall due together are spread over the members rather
 * than all taken by whichever ticks first and refills fastest, and ticks come at a wandering phase
 * ({@link #nextTickDelay}), so sources that fall due one by one go to either member. A single
 * instance refills a freed place at once.
 */
public final class SourceScheduler extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SourceScheduler.class);
  static final long TICK_MILLIS = 1_000;

  /**
   * How long a claimed poll is this instance's alone. A poll's fetch ends within {@code
   * fetch.timeoutMs}; the lease ends with the poll (the store's update), so it only runs out when
   * the instance died mid-poll: then another instance takes the source 90 s after the claim —
   * within two of the shortest poll intervals (60 s). A poll still ingesting a very large feed
   * after 90 s may be claimed again; its entries are then found stored already.
   */
  static final long LEASE_MILLIS = 90_000;

  private final String memberName;
  private final FetchOptions fetchOptions;
  private final int maxInFlight;
  private final int defaultIntervalSeconds;
  private final PollFollowUp.Factory followUp;
  private final TributaryMetrics metrics;
  private final IngestGates gates;
  private final Set<String> inFlight = new HashSet<>();
  private SourcePoller poller;
  private boolean asking;
  private int claimedThisTick;
  private final Random random = new Random();

  /**
   * @param followUp what each successful poll hands its source to (the WebSub subscriber)
   * @param gates the instance's gates: {@code feed} is every polled entry's way into the pipeline
   */
  public SourceScheduler(
      String memberName,
      FetchOptions fetchOptions,
      int maxInFlight,
      int defaultIntervalSeconds,
      PollFollowUp.Factory followUp,
      TributaryMetrics metrics,
      IngestGates gates) {
    this.memberName = memberName;
    this.followUp = followUp;
    this.metrics = metrics;
    this.gates = gates;
    this.fetchOptions = fetchOptions;
    this.maxInFlight = maxInFlight;
    this.defaultIntervalSeconds = defaultIntervalSeconds;
  }

  @Override
  public Future<?> start() {
    Fetcher fetcher = new Fetcher(vertx, fetchOptions);
    PollSchedule schedule = new PollSchedule(new Random());
    Clock clock = Clock.systemUTC();
    poller =
        new SourcePoller(
            vertx,
            fetcher,
            followUp.create(vertx, fetcher, schedule, clock),
            schedule,
            clock,
            defaultIntervalSeconds,
            metrics,
            new FeedIngest(vertx, gates.of("feed"), gates.pipelineRequests(), metrics));
    tickLater();
    return vertx.eventBus().localConsumer(Addresses.SOURCE_ADDED, m -> pollDue()).completion();
  }

  /**
   * The next tick after {@link #nextTickDelay} (timers end with the verticle). A fixed period would
   * keep each member's ticks at one phase of the second, and the member whose tick fell just after
   * most sources fell due would take nearly every poll: a run of the cluster check saw one member
   * take all 40 feeds between two restarts of the schedule.
   */
  private void tickLater() {
    vertx.setTimer(
        nextTickDelay(random),
        id -> {
          claimedThisTick = 0;
          pollDue();
          tickLater();
        });
  }

  /** Between half a tick and one and a half: one tick on average, at a phase that wanders. */
  static long nextTickDelay(Random random) {
    return TICK_MILLIS / 2 + (long) (random.nextDouble() * TICK_MILLIS);
  }

  private void pollDue() {
    int free =
        Math.min(maxInFlight - inFlight.size(), share(maxInFlight, members()) - claimedThisTick);
    if (free <= 0 || asking) return;
    asking = true;
    vertx
        .eventBus()
        .<Sources>request(Addresses.STORE_DUE_SOURCES, claim(free))
        .onComplete(
            reply -> {
              asking = false;
              if (reply.failed()) {
                LOG.warn("Cannot read due sources: {}", reply.cause().getMessage());
                return;
              }
              List<Source> claimed = reply.result().body().items();
              claimedThisTick += claimed.size();
              for (Source source : claimed) start(source);
            });
  }

  /**
   * How many claims one instance makes per tick: all of {@code maxInFlight} (and a freed place
   * refilled at once) alone, else {@code maxInFlight} divided by the live members, rounded up.
   */
  static int share(int maxInFlight, int members) {
    return members <= 1 ? Integer.MAX_VALUE : (maxInFlight + members - 1) / members;
  }

  private int members() {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodes().size() : 1;
  }

  /** Due sources up to {@code free}, leased to this instance (docs/ARCHITECTURE.md). */
  private DueQuery claim(int free) {
    Instant now = Clock.systemUTC().instant();
    return new DueQuery(
        now, new ArrayList<>(inFlight), free, memberName, now.plusMillis(LEASE_MILLIS));
  }

  private void start(Source source) {
    if (!inFlight.add(source.id())) return;
    poller
        .poll(source)
        .onComplete(
            done -> {
              inFlight.remove(source.id());
              pollDue(); // a free place: fill it now rather than at the next tick
            });
  }
}
