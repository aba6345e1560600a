package dev.tributary.config;

import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Chooses the console log format. {@link ConsoleLogging} reads {@code TRIBUTARY_LOG_FORMAT} (a
 * system property, else the environment variable), so the environment variable works from the first
 * log line; {@code log.format} from a configuration file takes effect once the configuration is
 * loaded, by setting the system property of that name and configuring the console again.
 */
public final class LogFormat {
  static final String PROPERTY = "TRIBUTARY_LOG_FORMAT";

  private LogFormat() {}

  /** The format the console was (or will be) configured with. */
  static String active(Map<String, String> env) {
    String property = System.getProperty(PROPERTY);
    if (property != null) return property;
    return env.getOrDefault(PROPERTY, "text");
  }

  /** Switches the console to {@code format} ("text" or "json") unless it already uses it. */
  public static void apply(String format, Map<String, String> env) {
    if (format.equals(active(env))) return;
    System.setProperty(PROPERTY, format);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
    if (ConsoleLogging.fromUserFile()) return;
    ConsoleLogging.apply(context, format);
  }
}
