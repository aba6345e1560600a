package dev.tributary;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails the test during which Vert.x warned that an event loop (or a worker) was blocked. Vert.x
 * 5's {@code BlockedThreadChecker} logs those warnings through the logger {@code
 * io.vertx.core.impl.BlockedThreadChecker} (its {@code LOGGER_NAME}); an appender on that logger
 * records them, and after each test the ones recorded during it fail it with the blocked thread's
 * stack. Warnings raised while a class starts or stops its server fail the class.
 *
 * <p>Registered for the integration tests only: failsafe turns on JUnit's extension autodetection
 * (pom.xml), which finds this class through META-INF/services.
 */
public final class BlockedThreadGuard
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final String APPENDER = "blocked-thread-guard";
  private static final int TOP_FRAMES = 6;
  private static final int OUR_FRAMES = 6;
  private static final int WARM_UP_FRAMES = 30;

  private static final Recorder RECORDER = new Recorder();

  @Override
  public void beforeAll(ExtensionContext context) {
    attach();
    RECORDER.drain();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    attach();
    failOnWarnings("before " + context.getDisplayName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    failOnWarnings(context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failOnWarnings("starting or stopping " + context.getDisplayName());
  }

  static void failOnWarnings(String during) {
    List<ILoggingEvent> warnings = RECORDER.drain();
    if (warnings.isEmpty()) return;
    throw new AssertionError(
        warnings.size()
            + " blocked-thread warning(s) during "
            + during
            + ":\n"
            + warnings.stream()
                .map(BlockedThreadGuard::describe)
                .collect(Collectors.joining("\n")));
  }

  /**
   * The warning, the top of the blocked thread's stack (which Vert.x attaches as a cause) and the
   * first frames of ours below it, which name the handler that blocked.
   */
  static String describe(ILoggingEvent event) {
    IThrowableProxy stack = event.getThrowableProxy();
    if (stack == null) return event.getFormattedMessage();
    List<String> frames =
        Stream.of(stack.getStackTraceElementProxyArray())
            .map(StackTraceElementProxy::getSTEAsString)
            .toList();
    Stream<String> ours =
        frames.stream().skip(TOP_FRAMES).filter(frame -> frame.contains("dev.tributary."));
    return Stream.concat(
            Stream.of(event.getFormattedMessage()),
            Stream.concat(frames.stream().limit(TOP_FRAMES), ours.limit(OUR_FRAMES))
                .map(frame -> "    " + frame))
        .collect(Collectors.joining("\n"));
  }

  /**
   * A one-off cost of a fresh JVM rather than a handler that blocks: a class being loaded or linked
   * near the top of the blocked stack, or a verticle's {@code start} (binding its port, building
   * its parsers) while it deploys. On a loaded two-core machine these can pass the threshold once
   * per class; they never recur in steady state, so they do not fail a test.
   */
  static boolean isWarmUp(ILoggingEvent event) {
    IThrowableProxy stack = event.getThrowableProxy();
    if (stack == null) return false;
    List<String> frames =
        Stream.of(stack.getStackTraceElementProxyArray())
            .map(StackTraceElementProxy::getSTEAsString)
            .toList();
    boolean loading =
        frames.stream()
            .limit(WARM_UP_FRAMES)
            .anyMatch(
                f ->
                    f.contains("java.lang.ClassLoader.loadClass")
                        || f.contains("java.lang.ClassLoader.defineClass")
                        || f.contains("jdk.internal.loader.")
                        || f.contains("java.lang.invoke.MethodHandleNatives.link"));
    boolean deploying =
        frames.stream()
            .anyMatch(f -> f.matches(".*\\bdev\\.tributary\\.[\\w.]*Verticle\\.start\\(.*"));
    // an event loop caught waiting in its selector was idle: the whole JVM stalled (a GC pause, a
    // starved CPU), and no handler of ours was running
    boolean idle =
        frames.stream().limit(WARM_UP_FRAMES).anyMatch(f -> f.contains(".NioIoHandler.select("));
    return loading || deploying || idle;
  }

  /** Idempotent: a logback reload (LogFormat) drops appenders, so each test re-attaches it. */
  static synchronized void attach() {
    if (!(LoggerFactory.getLogger(CHECKER_LOGGER) instanceof Logger logger)) {
      throw new IllegalStateException(
          "logback is not the SLF4J backend; cannot watch " + CHECKER_LOGGER);
    }
    if (logger.getAppender(APPENDER) != null) return;
    if (!RECORDER.isStarted()) {
      RECORDER.setName(APPENDER);
      RECORDER.setContext(logger.getLoggerContext());
      RECORDER.start();
    }
    logger.addAppender(RECORDER);
  }

  static final class Recorder extends AppenderBase<ILoggingEvent> {
    private final List<ILoggingEvent> events = new ArrayList<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN) && !isWarmUp(event)) events.add(event);
    }

    synchronized List<ILoggingEvent> drain() {
      List<ILoggingEvent> drained = List.copyOf(events);
      events.clear();
      return drained;
    }
  }
}
