package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** log.format=json switches the console to one parseable JSON object per line. */
class LogFormatTest {
  @AfterEach
  void backToText() {
    LogFormat.apply("text", Map.of());
    System.clearProperty(LogFormat.PROPERTY);
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerLine() {
    List<String> lines =
        captured(
            () -> {
              LogFormat.apply("json", Map.of());
              var log = LoggerFactory.getLogger("dev.tributary.store.StoreVerticle");
              log.info("Stored article {} from {}: {}", "a1b2", "inbox", "Garden \"notes\"");
              log.warn("Second line");
            });
    assertEquals(2, lines.size(), String.join("\n", lines));
    JsonObject first = new JsonObject(lines.get(0));
    assertEquals("Stored article a1b2 from inbox: Garden \"notes\"", first.getString("message"));
    assertEquals("INFO", first.getString("level"));
    assertEquals("dev.tributary.store.StoreVerticle", first.getString("logger_name"));
    assertTrue(first.containsKey("@timestamp"));
    assertEquals("WARN", new JsonObject(lines.get(1)).getString("level"));
  }

  @Test
  void textIsTheDefault() {
    List<String> lines =
        captured(() -> LoggerFactory.getLogger("dev.tributary.Main").info("Plain line"));
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).endsWith("INFO  Main - Plain line"), lines.get(0));
    assertFalse(lines.get(0).startsWith("{"));
  }

  @Test
  void theEnvironmentVariableIsTheActiveFormatUntilConfigurationOverridesIt() {
    assertEquals("json", LogFormat.active(Map.of("TRIBUTARY_LOG_FORMAT", "json")));
    assertEquals("text", LogFormat.active(Map.of()));
  }

  private static List<String> captured(Runnable logging) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
