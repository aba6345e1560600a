package dev.tributary.config;

/** Configuration that cannot be used; the message names the key and the problem in one line. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public static ConfigException forKey(String key, String problem) {
    return new ConfigException(key + ": " + problem);
  }
}
