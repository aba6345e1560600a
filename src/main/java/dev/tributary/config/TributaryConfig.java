package dev.tributary.config;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The typed configuration, built once from the merged JSON (docs/CONFIGURATION.md) and validated.
 * Every key is listed in docs/CONFIGURATION.md and in the README's table. Building it hashes the
 * reader password ({@link ReaderAccount}): build it on a worker.
 */
public record TributaryConfig(
    Http http,
    Path dataDir,
    Inbox inbox,
    String storeKind,
    String postgresUri,
    int postgresPoolSize,
    String apiToken,
    Fetch fetch,
    int pollDefaultIntervalSeconds,
    int pollMaxInFlight,
    Feed feed,
    Path topicsFile,
    String logFormat,
    boolean logRequests,
    Cluster cluster,
    int bridgePort,
    Api api,
    Pipeline pipeline,
    Access access,
    StoreBatch storeBatch,
    Stories stories,
    ReaderAccount reader) {

  /**
   * The reader-app account (docs/ARCHITECTURE.md, "Reader apps"), or empty when the reader APIs are
   * off.
   */
  public java.util.Optional<ReaderAccount> readerAccount() {
    return java.util.Optional.ofNullable(reader);
  }

  public record Http(
      String host,
      int port,
      String publicUrl,
      long maxBodyBytes,
      int streamKeepAliveSeconds,
      int instances,
      long timelineCacheBytes) {

    /** HTTP verticle instances: as configured, or one per processor when 0. */
    public int effectiveInstances() {
      return instances > 0 ? instances : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * @param maxInFlight inbox files inside the pipeline at once; 0 picks {@link
   *     #effectiveMaxInFlight()}
   */
  public record Inbox(Path dir, long maxBytes, long settleMillis, int maxInFlight) {

    /**
     * As configured, or 128 when 0: enough small files at once to fill the store's group commits
     * while each commit waits on the disk (20,000 files of 3-5 KB: 633 articles/s with 4, 885/s
     * with 32; on a busy machine, where a commit waits longer, 128 stored 321-431/s against
     * 316-334/s with 32, at 15 % less CPU per article; bench/README.md). Their bytes are bounded
     * apart, at four files of {@code maxBytes} (InboxVerticle).
     */
    public int effectiveMaxInFlight() {
      return maxInFlight > 0 ? maxInFlight : 128;
    }
  }

  /**
   * Admission of {@code POST /api/articles}.
   *
   * @param maxInFlight posts inside the pipeline at once (fetching a page included); 0 picks 16:
   *     with 16 clients posting 3-5 KB articles, 492 articles/s with 4 in flight, 638/s with 16
   *     (fuller group commits; bench/README.md). A body is at most {@code http.maxBodyBytes}.
   * @param maxWaiting posts that may wait for a place; past that the answer is 503
   */
  public record Api(int maxInFlight, int maxWaiting) {

    public int effectiveMaxInFlight() {
      return maxInFlight > 0 ? maxInFlight : 16;
    }
  }

  /**
   * The pipeline's CPU stages.
   *
   * @param workers documents extracted and tagged at once, each on its own worker; 0 picks one per
   *     processor
   */
  public record Pipeline(int workers) {

    public int effectiveWorkers() {
      return workers > 0 ? workers : perProcessor(1, 1);
    }
  }

  private static int perProcessor(int each, int atLeast) {
    return Math.max(atLeast, each * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Group commit of the store.
   *
   * @param maxArticles {@code store.batch.maxArticles}: most articles written in one transaction
   * @param maxDelayMs {@code store.batch.maxDelayMs}: how long a batch's first article may wait for
   *     more; 0 commits as soon as the store has taken what is queued for it
   */
  public record StoreBatch(int maxArticles, long maxDelayMs) {}

  /**
   * Story detection (docs/ARCHITECTURE.md, "Stories").
   *
   * @param enabled {@code stories.enabled}: group copies of one story from several sources
   * @param threshold {@code stories.threshold}: how much of the shorter article's word shingles
   *     must be in the other's for the two to be one story (docs/CONFIGURATION.md says how the
   *     default was chosen)
   */
  public record Stories(boolean enabled, double threshold) {}

  public record Fetch(boolean allowPrivateAddresses, long maxBytes, long timeoutMs) {}

  public record Feed(int size, String title) {}

  /**
   * This instance's place in a cluster (docs/ARCHITECTURE.md, "Clustered deployment").
   *
   * @param host {@code cluster.host}: the address this member binds and announces, for Hazelcast
   *     and the event bus alike
   * @param port {@code cluster.port}: Hazelcast's port (membership, cluster maps)
   * @param busPort {@code cluster.busPort}, or {@code port + 100} when 0: the event bus's own TCP
   *     port, where other members send messages
   * @param members {@code cluster.members}: the other members' Hazelcast {@code host:port}
   * @param memberName {@code cluster.memberName}, or {@code host:port} when clustered and {@code
   *     local} when not: shown as a source's {@code polledBy}, and names the instance's inbox claim
   *     folder
   */
  public record Cluster(
      boolean enabled,
      String host,
      int port,
      int busPort,
      List<String> members,
      String memberName) {
    public Cluster {
      members = List.copyOf(members);
    }
  }

  /** Names that are safe in a folder name and a log line: letters, digits, {@code . _ : -}. */
  private static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static Cluster cluster(ConfigReader r) {
    boolean enabled = r.bool("cluster.enabled");
    String host = r.string("cluster.host");
    if (host.isEmpty()) throw ConfigException.forKey("cluster.host", "must not be empty");
    int port = r.intInRange("cluster.port", 1, 65535);
    int busPort = r.intInRange("cluster.busPort", 0, 65535);
    if (busPort == 0) busPort = port + 100;
    if (busPort == port || busPort > 65535) {
      throw ConfigException.forKey(
          "cluster.busPort", busPort + " cannot be used beside cluster.port " + port);
    }
    List<String> members = new ArrayList<>();
    for (String member : r.string("cluster.members").split(",")) {
      if (member.isBlank()) continue;
      members.add(hostAndPort("cluster.members", member.trim()));
    }
    String name = r.string("cluster.memberName");
    if (name.isEmpty()) name = enabled ? host + ":" + port : "local";
    if (!MEMBER_NAME.matcher(name).matches()) {
      throw ConfigException.forKey(
          "cluster.memberName",
          "'" + name + "' must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    return new Cluster(enabled, host, port, busPort, members, name);
  }

  private static String hostAndPort(String key, String value) {
    int colon = value.lastIndexOf(':');
    String port = colon < 0 ? "" : value.substring(colon + 1);
    if (colon <= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      throw ConfigException.forKey(key, "'" + value + "' is not host:port");
    }
    return value;
  }

  /**
   * Who may read what, and what may be sent where.
   *
   * @param sourcesPublic {@code sources.public}: {@code GET /api/sources} and {@code /sources.opml}
   *     answer without the token
   * @param metricsAllowedNetworks {@code metrics.allowedNetworks}: the clients {@code /metrics}
   *     answers
   * @param allowInsecureHubs {@code websub.allowInsecureHubs}: subscribe at plain-http WebSub hubs
   *     (the push secret then travels in the clear)
   */
  public record Access(
      boolean sourcesPublic, AllowedNetworks metricsAllowedNetworks, boolean allowInsecureHubs) {}

  private static final Set<String> STORE_KINDS = Set.of("sqlite", "postgres");
  private static final Set<String> LOG_FORMATS = Set.of("text", "json");

  /**
   * Reads and validates the merged configuration; throws {@link ConfigException} on the first bad
   * key.
   */
  public static TributaryConfig from(JsonObject json) {
    ConfigReader r = new ConfigReader(json);
    String publicUrl = stripTrailingSlash(r.string("http.publicUrl"));
    checkUrl("http.publicUrl", publicUrl);
    Http http =
        new Http(
            r.string("http.host"),
            r.intInRange("http.port", 0, 65535),
            publicUrl,
            r.longInRange("http.maxBodyBytes", 1024, Long.MAX_VALUE),
            r.intInRange("http.streamKeepAliveSeconds", 1, 3600),
            r.intInRange("http.instances", 0, 256),
            r.longInRange("http.timelineCacheBytes", 0, Long.MAX_VALUE));
    Inbox inbox =
        new Inbox(
            r.path("inbox.dir"),
            r.longInRange("inbox.maxBytes", 1, Long.MAX_VALUE),
            r.longInRange("inbox.settleMillis", 0, 60_000),
            r.intInRange("inbox.maxInFlight", 0, 1024));
    String storeKind = r.oneOf("store.kind", STORE_KINDS);
    String postgresUri = r.string("store.postgres.uri");
    if (storeKind.equals("postgres") && postgresUri.isBlank()) {
      throw ConfigException.forKey("store.postgres.uri", "required when store.kind is postgres");
    }
    Fetch fetch =
        new Fetch(
            r.bool("fetch.allowPrivateAddresses"),
            r.longInRange("fetch.maxBytes", 1, Long.MAX_VALUE),
            r.longInRange("fetch.timeoutMs", 100, 600_000));
    Feed feed = new Feed(r.intInRange("feed.size", 1, 1000), r.string("feed.title"));
    Cluster cluster = cluster(r);
    return new TributaryConfig(
        http,
        r.path("data.dir"),
        inbox,
        storeKind,
        postgresUri,
        r.intInRange("store.postgres.poolSize", 1, 256),
        r.string("api.token"),
        fetch,
        r.intInRange("poll.defaultIntervalSeconds", 60, 24 * 3600),
        r.intInRange("poll.maxInFlight", 1, 1024),
        feed,
        r.path("topics.file"),
        r.oneOf("log.format", LOG_FORMATS),
        r.bool("log.requests"),
        cluster,
        r.intInRange("bridge.port", 0, 65535),
        new Api(r.intInRange("api.maxInFlight", 0, 1024), r.intInRange("api.maxWaiting", 0, 4096)),
        new Pipeline(r.intInRange("pipeline.workers", 0, 256)),
        new Access(
            r.bool("sources.public"),
            AllowedNetworks.parse("metrics.allowedNetworks", r.string("metrics.allowedNetworks")),
            r.bool("websub.allowInsecureHubs")),
        new StoreBatch(
            r.intInRange("store.batch.maxArticles", 1, 10_000),
            r.longInRange("store.batch.maxDelayMs", 0, 1_000)),
        new Stories(r.bool("stories.enabled"), r.fraction("stories.threshold")),
        ReaderAccount.of(r.string("reader.username"), rawString(r, "reader.password")));
  }

  /** A password as given: surrounding spaces are part of it. */
  private static String rawString(ConfigReader r, String key) {
    Object value = r.raw(key);
    if (value instanceof JsonObject) throw ConfigException.forKey(key, "expected a value");
    return value == null ? "" : value.toString();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static void checkUrl(String key, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw ConfigException.forKey(key, "must be an absolute http(s) URL, got '" + value + "'");
      }
    } catch (java.net.URISyntaxException e) {
      throw ConfigException.forKey(key, "not a URL: '" + value + "'");
    }
  }
}
