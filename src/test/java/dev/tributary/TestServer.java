package dev.tributary;

import dev.tributary.config.ConfigLoader;
import dev.tributary.config.TributaryConfig;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.metrics.VertxMeters;
import dev.tributary.topics.TaxonomySource;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real Tributary for integration tests: every verticle deployed on the given Vert.x, a random
 * port on 127.0.0.1, its data in a temp folder. Requests go through the JDK's HTTP client.
 */
public final class TestServer {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  public final Path dataDir;
  public final TributaryConfig config;
  public final String baseUrl;
  public final String token;

  /**
   * The started instance, for tests that stop it as {@code Main} does ({@link
   * Tributary.Running#stop}).
   */
  public final Tributary.Running running;

  private TestServer(Path dataDir, TributaryConfig config, Tributary.Running running) {
    this.dataDir = dataDir;
    this.config = config;
    this.baseUrl = "http://127.0.0.1:" + running.httpPort();
    this.token = running.apiToken();
    this.running = running;
  }

  /**
   * A Vert.x that complains early about anything blocking an event loop, with the thresholds the
   * build passes to surefire and failsafe ({@code vertx.options.*} in pom.xml; Vert.x itself reads
   * them only in its launcher). Every warning carries the blocked thread's stack, which {@link
   * BlockedThreadGuard} reports when it fails the test.
   */
  public static Vertx newVertx() {
    return Vertx.vertx(strictOptions());
  }

  /** {@link #newVertx()} recording Vert.x's own metrics into {@code metrics}, as Main builds it. */
  public static Vertx newVertx(TributaryMetrics metrics) {
    return VertxMeters.builder(strictOptions(), metrics).build();
  }

  private static VertxOptions strictOptions() {
    long checkMillis = Long.getLong("vertx.options.blockedThreadCheckInterval", 100);
    long maxNanos =
        Long.getLong("vertx.options.maxEventLoopExecuteTime", TimeUnit.MILLISECONDS.toNanos(100));
    return new VertxOptions()
        .setBlockedThreadCheckInterval(checkMillis)
        .setMaxEventLoopExecuteTime(maxNanos)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.NANOSECONDS)
        .setWarningExceptionTime(maxNanos)
        .setWarningExceptionTimeUnit(TimeUnit.NANOSECONDS);
  }

  public static TributaryConfig config(Path dataDir, JsonObject overrides) {
    JsonObject json = ConfigLoader.bundledDefaults();
    json.getJsonObject("http").put("host", "127.0.0.1").put("port", 0);
    json.getJsonObject("data").put("dir", dataDir.toString());
    json.getJsonObject("inbox")
        .put("dir", dataDir.resolve("inbox").toString())
        .put("settleMillis", 100);
    return TributaryConfig.from(json.mergeIn(overrides, true));
  }

  public static TestServer start(Vertx vertx, Path dataDir) throws Exception {
    return start(vertx, dataDir, new JsonObject());
  }

  public static TestServer start(Vertx vertx, Path dataDir, JsonObject overrides) throws Exception {
    return start(vertx, dataDir, overrides, new TributaryMetrics());
  }

  /** An instance recording into {@code metrics}, the registry {@code vertx} was built with. */
  public static TestServer start(
      Vertx vertx, Path dataDir, JsonObject overrides, TributaryMetrics metrics) throws Exception {
    TributaryConfig config = config(dataDir, overrides);
    var running =
        Tributary.start(vertx, config, TaxonomySource.load(config.topicsFile()), metrics)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    return new TestServer(dataDir, config, running);
  }

  public Path inbox() {
    return config.inbox().dir();
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (headers.length > 0) request.headers(headers);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with this server's bearer token, for the endpoints that need it. */
  public HttpResponse<String> getWithToken(String path) throws Exception {
    return get(path, "Authorization", "Bearer " + token);
  }

  public HttpResponse<String> post(String path, String contentType, String body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) request.header("Authorization", "Bearer " + bearer);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE();
    if (bearer != null) request.header("Authorization", "Bearer " + bearer);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Subscribes to a feed with {@code POST /api/sources}; the source as the API answers it. */
  public JsonObject subscribe(String url) throws Exception {
    var response =
        post("/api/sources", "application/json", new JsonObject().put("url", url).encode(), token);
    if (response.statusCode() != 201 && response.statusCode() != 200)
      throw new AssertionError(
          "subscribing answered " + response.statusCode() + ": " + response.body());
    return new JsonObject(response.body());
  }

  /** Waits (up to 15 s) for a condition the server reaches asynchronously, e.g. inbox ingest. */
  public static void awaitCondition(String what, BooleanSupplier condition)
      throws InterruptedException {
    awaitCondition(what, Duration.ofSeconds(15), condition);
  }

  /** Waits up to {@code limit} for a condition; fails the test past it. */
  public static void awaitCondition(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(50);
    }
  }
}
