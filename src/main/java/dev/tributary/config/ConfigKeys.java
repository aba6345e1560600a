package dev.tributary.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dotted keys over nested JSON: flattening, get/put, and the environment variable for a key ({@code
 * http.publicUrl} → {@code TRIBUTARY_HTTP_PUBLICURL}).
 */
public final class ConfigKeys {
  public static final String ENV_PREFIX = "TRIBUTARY_";

  private ConfigKeys() {}

  public static String envName(String key) {
    return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** Every leaf key of the object, dotted, in document order. */
  public static List<String> leafKeys(JsonObject json) {
    List<String> keys = new ArrayList<>();
    collect("", json, keys);
    return keys;
  }

  private static void collect(String prefix, JsonObject json, List<String> into) {
    for (Map.Entry<String, Object> e : json) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof JsonObject child) collect(key + ".", child, into);
      else into.add(key);
    }
  }

  static Object get(JsonObject root, String key) {
    JsonObject node = root;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = node.getValue(parts[i]);
      if (!(next instanceof JsonObject child)) return null;
      node = child;
    }
    return node.getValue(parts[parts.length - 1]);
  }

  static void put(JsonObject root, String key, Object value) {
    JsonObject node = root;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }
}
