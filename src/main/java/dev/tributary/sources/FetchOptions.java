package dev.tributary.sources;

import dev.tributary.config.TributaryConfig;

/**
 * How the {@link Fetcher} treats the open web.
 *
 * @param allowPrivateAddresses skip the SSRF guard (docs/CONFIGURATION.md {@code
 *     fetch.allowPrivateAddresses}); for tests and private deployments only
 * @param maxBytes largest body kept, counted after decompression ({@code fetch.maxBytes})
 * @param timeoutMs the whole budget of one fetch, redirects included: DNS, waiting for a per-host
 *     slot, connecting and reading the body ({@code fetch.timeoutMs}); also the connect timeout
 * @param maxRedirects redirects followed before giving up
 * @param perHostConcurrency fetches in flight to one host at once; more wait in a bounded queue
 * @param userAgent sent with every request
 */
public record FetchOptions(
    boolean allowPrivateAddresses,
    long maxBytes,
    long timeoutMs,
    int maxRedirects,
    int perHostConcurrency,
    String userAgent) {

  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final int DEFAULT_PER_HOST_CONCURRENCY = 2;
  public static final String PROJECT_URL = "https://github.com/tributary-aggregator/tributary";

  public FetchOptions {
    if (maxBytes < 1 || timeoutMs < 1 || maxRedirects < 0 || perHostConcurrency < 1) {
      throw new IllegalArgumentException(
          "maxBytes, timeoutMs and perHostConcurrency must be positive, maxRedirects not negative");
    }
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("a User-Agent is required");
    }
  }

  /** The options of the {@code fetch.*} configuration keys, with the defaults for the rest. */
  public static FetchOptions from(TributaryConfig.Fetch fetch) {
    return new FetchOptions(
        fetch.allowPrivateAddresses(),
        fetch.maxBytes(),
        fetch.timeoutMs(),
        DEFAULT_MAX_REDIRECTS,
        DEFAULT_PER_HOST_CONCURRENCY,
        defaultUserAgent());
  }

  /** {@code Tributary/<version> (+<project URL>)}; the version is "dev" outside the jar. */
  public static String defaultUserAgent() {
    String version = FetchOptions.class.getPackage().getImplementationVersion();
    return "Tributary/" + (version == null ? "dev" : version) + " (+" + PROJECT_URL + ")";
  }

  public FetchOptions withAllowPrivateAddresses(boolean allow) {
    return new FetchOptions(
        allow, maxBytes, timeoutMs, maxRedirects, perHostConcurrency, userAgent);
  }
}
