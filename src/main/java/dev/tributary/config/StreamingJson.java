package dev.tributary.config;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec for this process, found through {@code META-INF/services}: Jackson's
 * streaming parser and generator. Left to itself, Vert.x picks the databind codec whenever
 * jackson-databind is on the class path (logstash-logback-encoder brings it), and building its
 * ObjectMapper costs several hundred classes at start-up (bench/README.md, "Restart"). Tributary
 * maps no objects to JSON by reflection: every {@code JsonObject} it encodes holds JSON values only
 * ({@code http/ArticleJson} and the like build them field by field), which is all this codec
 * encodes.
 */
public final class StreamingJson implements JsonFactory {
  private static final JsonCodec CODEC = new JacksonCodec();

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
