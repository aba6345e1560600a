package dev.tributary.sources;

import dev.tributary.sources.FetchException.Reason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way Tributary reads the open web (README, docs/RELIABILITY.md): a GET with conditional
 * headers (or a form POST to a WebSub hub; only 307/308 redirect it, keeping method and body), a
 * total time budget, a body limit counted after decompression, manual redirects with the SSRF guard
 * re-applied on every hop, and a per-host concurrency limit.
 *
 * <p>The host is resolved here, not by the HTTP client, every address is checked, and the request
 * is sent to the checked address with the original name in the Host header and SNI, so a DNS answer
 * that changes between check and connect (rebinding) cannot slip a private address in.
 *
 * <p>Built on the core {@code HttpClient} rather than {@code WebClient}: the body has to be read as
 * a stream to stop at the limit, and each request needs its own server address.
 */
public final class Fetcher {

  /** Resolves a host name; blocking, run on a worker. */
  @FunctionalInterface
  interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /** Waiting fetches per host beyond the ones in flight. */
  static final int MAX_WAITING_PER_HOST = 64;

  private static final Resolver SYSTEM_DNS = host -> List.of(InetAddress.getAllByName(host));

  final Vertx vertx;
  final FetchOptions options;
  final HttpClientAgent client;
  final HostSlots slots;
  final Resolver resolver;
  final Function<InetAddress, Optional<String>> guard;

  /** A fetcher with the system resolver and {@link AddressGuard} (unless private is allowed). */
  public Fetcher(Vertx vertx, FetchOptions options) {
    this(vertx, options, SYSTEM_DNS, AddressGuard::refusal);
  }

  /**
   * For tests: a resolver standing in for DNS, and a guard standing in for {@link AddressGuard}
   * (used only when {@code allowPrivateAddresses} is false).
   */
  Fetcher(
      Vertx vertx,
      FetchOptions options,
      Resolver resolver,
      Function<InetAddress, Optional<String>> guard) {
    this.vertx = vertx;
    this.options = options;
    this.resolver = resolver;
    this.guard = guard;
    this.slots = new HostSlots(options.perHostConcurrency(), MAX_WAITING_PER_HOST);
    this.client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setDecompressionSupported(false) // we inflate ourselves, within the limit
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(30))
            .with(new PoolOptions().setHttp1MaxSize(options.perHostConcurrency()))
            .build();
  }

  /**
   * Fetches a URL. Succeeds with a 2xx or 304 {@link FetchResult}; fails with a {@link
   * FetchException} saying why (bad URL, blocked address, DNS, connect, timeout, too large, too
   * many redirects, HTTP error status, protocol error).
   */
  public Future<FetchResult> fetch(FetchRequest request) {
    Context context = vertx.getOrCreateContext();
    Promise<FetchResult> result = Promise.promise();
    context.runOnContext(v -> new FetchRun(this, context, request, result).start());
    return result.future();
  }

  /** Closes the HTTP client and its connections. */
  public Future<Void> close() {
    return client.close();
  }

  /** The address to connect to for this host: checked, unless private addresses are allowed. */
  Future<InetAddress> checkedAddress(WebHost host) {
    if (!options.allowPrivateAddresses()) {
      Optional<String> refused =
          host.isName() ? AddressGuard.refusalForHost(host) : guard.apply(host.literal());
      if (refused.isPresent()) {
        return Future.failedFuture(blocked(host.name(), refused.get()));
      }
    }
    if (!host.isName()) {
      return Future.succeededFuture(host.literal());
    }
    return vertx
        .executeBlocking(() -> resolver.resolve(host.name()), false)
        .recover(
            e ->
                Future.failedFuture(
                    new FetchException(Reason.DNS, "cannot resolve " + host.name())))
        .compose(addresses -> firstAllowed(host, addresses));
  }

  private Future<InetAddress> firstAllowed(WebHost host, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return Future.failedFuture(new FetchException(Reason.DNS, host.name() + " has no addresses"));
    }
    if (!options.allowPrivateAddresses()) {
      for (InetAddress address : addresses) {
        Optional<String> refused = guard.apply(address);
        if (refused.isPresent()) {
          return Future.failedFuture(
              blocked(host.name(), host.name() + " resolves to " + refused.get()));
        }
      }
    }
    return Future.succeededFuture(addresses.get(0));
  }

  private static FetchException blocked(String host, String why) {
    return new FetchException(
        Reason.BLOCKED_ADDRESS, "refusing to fetch from " + host + ": " + why);
  }
}
