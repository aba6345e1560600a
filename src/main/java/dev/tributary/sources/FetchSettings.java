package dev.tributary.sources;

import dev.tributary.config.TributaryConfig;

/** The fetcher's options from the configuration's {@code fetch.*} keys. */
public final class FetchSettings {
  public static final int MAX_REDIRECTS = 5;
  public static final int PER_HOST_CONCURRENCY = 2;
  public static final String PROJECT_URL = "https://github.com/tributary-aggregator/tributary";

  private FetchSettings() {}

  public static FetchOptions of(TributaryConfig config) {
    String version = FetchSettings.class.getPackage().getImplementationVersion();
    return new FetchOptions(
        config.fetch().allowPrivateAddresses(),
        config.fetch().maxBytes(),
        config.fetch().timeoutMs(),
        MAX_REDIRECTS,
        PER_HOST_CONCURRENCY,
        "Tributary/" + (version == null ? "dev" : version) + " (+" + PROJECT_URL + ")");
  }
}
