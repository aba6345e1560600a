package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TributaryConfigTest {
  final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  @AfterEach
  void close() {
    vertx.close();
  }

  TributaryConfig load(Path conf, Map<String, String> env) throws Exception {
    return ConfigLoader.load(vertx, conf, env)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void defaultsMatchTheSpec() throws Exception {
    TributaryConfig c = load(null, Map.of());
    assertEquals(8080, c.http().port());
    assertEquals("0.0.0.0", c.http().host());
    assertEquals("http://localhost:8080", c.http().publicUrl());
    assertEquals(Path.of("./data"), c.dataDir());
    assertEquals(Path.of("./data/inbox"), c.inbox().dir());
    assertEquals("sqlite", c.storeKind());
    assertEquals(50, c.feed().size());
    assertEquals(10_485_760, c.inbox().maxBytes());
    assertEquals(5_242_880, c.fetch().maxBytes());
    assertEquals(900, c.pollDefaultIntervalSeconds());
  }

  @Test
  void environmentVariablesOverrideEveryLayer() throws Exception {
    Path conf = dir.resolve("my.json");
    Files.writeString(
        conf, "{\"http\": {\"port\": 9000, \"publicUrl\": \"https://news.example.org/\"}}");
    TributaryConfig c =
        load(
            conf,
            Map.of("TRIBUTARY_HTTP_PORT", "9191", "TRIBUTARY_FETCH_ALLOWPRIVATEADDRESSES", "true"));
    assertEquals(9191, c.http().port());
    assertEquals("https://news.example.org", c.http().publicUrl(), "trailing slash dropped");
    assertTrue(c.fetch().allowPrivateAddresses());
  }

  @Test
  void thePipelineHasOneWorkerPerProcessorUnlessConfigured() throws Exception {
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        load(null, Map.of()).pipeline().effectiveWorkers());
    assertEquals(
        3, load(null, Map.of("TRIBUTARY_PIPELINE_WORKERS", "3")).pipeline().effectiveWorkers());
  }

  @Test
  void aBadValueNamesItsKey() {
    var e =
        assertThrows(
            ExecutionException.class, () -> load(null, Map.of("TRIBUTARY_HTTP_PORT", "eighty")));
    assertEquals("http.port: expected a whole number, got 'eighty'", e.getCause().getMessage());
    var kind =
        assertThrows(
            ExecutionException.class, () -> load(null, Map.of("TRIBUTARY_STORE_KIND", "mongo")));
    assertTrue(kind.getCause().getMessage().startsWith("store.kind: unknown value 'mongo'"));
  }

  @Test
  void aConfFileThatIsNotJsonIsAClearError() throws Exception {
    Path conf = dir.resolve("broken.json");
    Files.writeString(conf, "{ not json");
    var e = assertThrows(ExecutionException.class, () -> load(conf, Map.of()));
    assertTrue(e.getCause() instanceof ConfigException, e.getCause().toString());
  }

  @Test
  void envNamesFollowTheSpecRule() {
    assertEquals("TRIBUTARY_HTTP_PUBLICURL", ConfigKeys.envName("http.publicUrl"));
    assertEquals("TRIBUTARY_STORE_POSTGRES_URI", ConfigKeys.envName("store.postgres.uri"));
  }

  @Test
  void everyKeyIsDocumentedInTheConfigurationReference() throws Exception {
    String doc = Files.readString(Path.of("docs/CONFIGURATION.md"));
    List<String> keys =
        ConfigKeys.leafKeys(new JsonObject(Files.readString(Path.of("conf/tributary.json"))));
    for (String key : keys) {
      assertTrue(doc.contains("`" + key + "`"), key + " is missing from docs/CONFIGURATION.md");
      assertTrue(
          doc.contains("`" + ConfigKeys.envName(key) + "`"),
          ConfigKeys.envName(key) + " is missing");
    }
  }
}
