package dev.tributary.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The console logging, set up in code: logback finds this class through {@code META-INF/services}
 * before it looks for a {@code logback.xml}, and configuring in code skips the XML parser and the
 * reflection behind it, about a fifth of the start-up's CPU time (bench/README.md, "Restart"). One
 * console appender in the active {@link LogFormat}: "text" lines or "json" objects
 * (logstash-logback-encoder). A {@code -Dlogback.configurationFile} still wins: logback then reads
 * that file as usual.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  /**
   * Quieter libraries. Hazelcast warns at every start that the CP subsystem is off (Tributary uses
   * none of it) and that the JVM lacks add-opens it would like for speed; Micrometer warns that
   * Vert.x's handlers gauge of an address exists already when several store readers consume it (the
   * gauge still counts every handler). None of it is anything to act on.
   */
  private static final Map<String, Level> LEVELS =
      Map.of(
          "io.netty", Level.WARN,
          "io.vertx", Level.INFO,
          "com.hazelcast", Level.WARN,
          "com.hazelcast.cp", Level.ERROR,
          "com.hazelcast.instance.impl.HazelcastInstanceFactory", Level.ERROR,
          "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (fromUserFile()) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    apply(context, LogFormat.active(System.getenv()));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Whether logging comes from the file a {@code -Dlogback.configurationFile} names. */
  static boolean fromUserFile() {
    return System.getProperty("logback.configurationFile") != null;
  }

  /** Replaces the context's configuration with one console appender writing {@code format}. */
  static void apply(LoggerContext context, String format) {
    context.reset();
    Encoder<ILoggingEvent> encoder = encoder(context, format);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(format);
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (format.equals("json")) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(context);
      json.setIncludeContext(false);
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    return text;
  }
}
