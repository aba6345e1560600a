package dev.tributary.sources;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Listens to Vert.x's blocked-thread checker and tells which warnings caught an event loop doing a
 * given kind of work (by the classes on its stack). {@code TestServer.newVertx()} warns after 100
 * ms and records the stack after 200 ms, so only long work is seen; what it sees is certain.
 */
final class BlockedLoops implements AutoCloseable {
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private final Logger checker =
      (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");

  BlockedLoops() {
    warnings.start();
    checker.addAppender(warnings);
  }

  /** The warnings whose blocked thread had a class starting with one of these on its stack. */
  List<String> caughtIn(String... classPrefixes) {
    return warnings.list.stream()
        .filter(e -> runs(e.getThrowableProxy(), classPrefixes))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static boolean runs(IThrowableProxy stack, String... classPrefixes) {
    if (stack == null) return false;
    for (StackTraceElementProxy frame : stack.getStackTraceElementProxyArray()) {
      String at = frame.getStackTraceElement().getClassName();
      for (String prefix : classPrefixes) if (at.startsWith(prefix)) return true;
    }
    return false;
  }

  @Override
  public void close() {
    checker.detachAppender(warnings);
  }
}
