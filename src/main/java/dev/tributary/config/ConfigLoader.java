package dev.tributary.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configuration with vertx-config, lowest precedence first: the defaults bundled in the
 * jar, {@code conf/tributary.json} when present, the {@code --conf FILE}, then {@code TRIBUTARY_*}
 * environment variables.
 */
public final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
  static final String BUNDLED_DEFAULTS = "defaults/tributary.json";
  static final Path LOCAL_FILE = Path.of("conf", "tributary.json");

  private ConfigLoader() {}

  /** The bundled defaults: the shape of the configuration and every key it knows. */
  public static JsonObject bundledDefaults() {
    try (InputStream in =
        ConfigLoader.class.getClassLoader().getResourceAsStream(BUNDLED_DEFAULTS)) {
      if (in == null) throw new IllegalStateException(BUNDLED_DEFAULTS + " missing from the jar");
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads and validates the configuration. Fails with a {@link ConfigException} naming the key.
   *
   * @param confFile the {@code --conf} file, or null
   * @param env the environment (System.getenv() outside tests)
   */
  public static Future<TributaryConfig> load(Vertx vertx, Path confFile, Map<String, String> env) {
    JsonObject defaults = bundledDefaults();
    List<String> keys = ConfigKeys.leafKeys(defaults);
    warnAboutUnknownVariables(env, keys);

    ConfigRetrieverOptions options =
        new ConfigRetrieverOptions()
            .setScanPeriod(0)
            .addStore(new ConfigStoreOptions().setType("json").setConfig(defaults));
    if (Files.isRegularFile(LOCAL_FILE)) options.addStore(fileStore(LOCAL_FILE, true));
    if (confFile != null) {
      if (!Files.isReadable(confFile)) {
        return Future.failedFuture(ConfigException.forKey("--conf", "cannot read " + confFile));
      }
      options.addStore(fileStore(confFile, false));
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever
        .getConfig()
        .recover(
            e ->
                Future.failedFuture(
                    new ConfigException("configuration file is not valid JSON: " + e.getMessage())))
        // on a worker: building the typed configuration hashes the reader password
        .compose(
            merged ->
                vertx.executeBlocking(
                    () -> TributaryConfig.from(applyEnvironment(merged, keys, env)), false))
        .onComplete(done -> retriever.close());
  }

  private static ConfigStoreOptions fileStore(Path file, boolean optional) {
    return new ConfigStoreOptions()
        .setType("file")
        .setFormat("json")
        .setOptional(optional)
        .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
  }

  /** Overlays TRIBUTARY_* variables on the merged JSON, one per known key. */
  static JsonObject applyEnvironment(
      JsonObject merged, List<String> keys, Map<String, String> env) {
    JsonObject result = merged.copy();
    for (String key : keys) {
      String value = env.get(ConfigKeys.envName(key));
      if (value != null) ConfigKeys.put(result, key, value);
    }
    return result;
  }

  private static void warnAboutUnknownVariables(Map<String, String> env, List<String> keys) {
    var known = keys.stream().map(ConfigKeys::envName).toList();
    env.keySet().stream()
        .filter(name -> name.startsWith(ConfigKeys.ENV_PREFIX) && !known.contains(name))
        .filter(name -> !name.startsWith("TRIBUTARY_TEST_"))
        .sorted()
        .forEach(name -> LOG.warn("Ignoring {}: no such configuration key", name));
  }

  /** The documented keys, for the --help text and the configuration reference test. */
  public static JsonArray documentedKeys() {
    return new JsonArray(ConfigKeys.leafKeys(bundledDefaults()));
  }
}
