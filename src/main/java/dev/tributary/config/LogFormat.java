package dev.tributary.config;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Chooses the console log format. logback.xml names its appenders after the formats ({@code text},
 * {@code json}) and refers to {@code ${TRIBUTARY_LOG_FORMAT:-text}}, so the environment variable
 * works from the first log line; {@code log.format} from a configuration file takes effect once the
 * configuration is loaded, by setting the system property of that name and reloading logback.xml.
 */
public final class LogFormat {
  static final String PROPERTY = "TRIBUTARY_LOG_FORMAT";

  private LogFormat() {}

  /** The format logback.xml was (or will be) configured with. */
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
    URL config = LogFormat.class.getClassLoader().getResource("logback.xml");
    if (config == null) return;
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      System.err.println("tributary: cannot configure logging: " + e.getMessage());
    }
  }
}
