package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Vert.x encodes and decodes JSON with the streaming codec that META-INF/services names. */
class StreamingJsonTest {
  @Test
  void vertxUsesTheStreamingCodecNotDatabind() {
    assertSame(new StreamingJson().codec(), Json.CODEC);
  }

  @Test
  void theValuesTributaryEncodesRoundTrip() {
    JsonObject article =
        new JsonObject()
            .put("id", "a1b2")
            .put("title", "Garden \"notes\" — été")
            .put("published", Instant.parse("2024-03-01T10:15:30Z"))
            .put("words", 1234L)
            .put("score", 0.75)
            .put("read", false)
            .putNull("summary")
            .put("topics", new JsonArray().add("garden").add(new JsonObject().put("n", 1)));
    JsonObject decoded = new JsonObject(article.encode());
    assertEquals("2024-03-01T10:15:30Z", decoded.getString("published"));
    assertEquals(article.copy().put("published", "2024-03-01T10:15:30Z"), decoded);
  }
}
