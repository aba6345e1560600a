package dev.tributary.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Typed, validated look-ups of dotted keys ("http.port") in the nested configuration JSON. */
final class ConfigReader {
  private final JsonObject root;

  ConfigReader(JsonObject root) {
    this.root = root;
  }

  Object raw(String key) {
    return ConfigKeys.get(root, key);
  }

  String string(String key) {
    Object value = raw(key);
    if (value == null) return "";
    if (value instanceof JsonObject)
      throw ConfigException.forKey(key, "expected a value, not an object");
    return value.toString().trim();
  }

  boolean bool(String key) {
    Object value = raw(key);
    if (value instanceof Boolean b) return b;
    String text = string(key).toLowerCase(java.util.Locale.ROOT);
    return switch (text) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off", "" -> false;
      default -> throw ConfigException.forKey(key, "expected true or false, got '" + text + "'");
    };
  }

  long longInRange(String key, long min, long max) {
    Object value = raw(key);
    long number;
    if (value instanceof Number n) {
      number = n.longValue();
    } else {
      try {
        number = Long.parseLong(string(key));
      } catch (NumberFormatException e) {
        throw ConfigException.forKey(key, "expected a whole number, got '" + string(key) + "'");
      }
    }
    if (number < min || number > max) {
      throw ConfigException.forKey(
          key, "must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  int intInRange(String key, int min, int max) {
    return (int) longInRange(key, min, max);
  }

  /** A number above 0 and at most 1. */
  double fraction(String key) {
    Object value = raw(key);
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(string(key));
      } catch (NumberFormatException e) {
        throw ConfigException.forKey(key, "expected a number, got '" + string(key) + "'");
      }
    }
    if (!(number > 0 && number <= 1)) {
      throw ConfigException.forKey(key, "must be above 0 and at most 1, got " + number);
    }
    return number;
  }

  String oneOf(String key, Set<String> allowed) {
    String value = string(key);
    if (!allowed.contains(value)) {
      throw ConfigException.forKey(
          key, "unknown value '" + value + "' (expected one of " + new TreeSet<>(allowed) + ")");
    }
    return value;
  }

  Path path(String key) {
    String value = string(key);
    if (value.isEmpty()) throw ConfigException.forKey(key, "must not be empty");
    return Path.of(value);
  }
}
