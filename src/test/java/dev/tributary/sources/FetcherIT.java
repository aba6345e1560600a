package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tributary.TestServer;
import dev.tributary.sources.FetchException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fetcher against a local server playing the web. The loopback server needs {@code
 * allowPrivateAddresses=true}, except in {@link Guarded}, where the real guard or a guard that lets
 * exactly 127.0.0.1 through is used. Timeouts are 300 ms so the slow cases end quickly; the
 * assertions are on outcomes, never on elapsed time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetcherIT {

  static final long LIMIT = 1024 * 1024;

  /** For the cases that must time out: short, so the tests stay quick. */
  static final long TIMEOUT_MS = 300;

  /** For the cases that must not: long, so a cold JVM or a busy machine cannot fail them. */
  static final long PATIENT_MS = 10_000;

  Vertx vertx;
  WebPlayground web;
  Fetcher open;
  Fetcher impatient;

  @BeforeAll
  void start() throws Exception {
    vertx = TestServer.newVertx();
    web = new WebPlayground(vertx);
    await(web.start());
    open = new Fetcher(vertx, options(true, PATIENT_MS, 2));
    impatient = new Fetcher(vertx, options(true, TIMEOUT_MS, 2));
  }

  @AfterAll
  void stop() throws Exception {
    await(open.close());
    await(impatient.close());
    await(vertx.close());
  }

  static FetchOptions options(boolean allowPrivate, long timeoutMs, int perHost) {
    return new FetchOptions(
        allowPrivate, LIMIT, timeoutMs, 5, perHost, FetchOptions.defaultUserAgent());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static FetchException failure(Future<FetchResult> future) throws Exception {
    try {
      FetchResult result = await(future);
      return fail("expected a failure, got HTTP " + result.status());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FetchException fetch) {
        return fetch;
      }
      throw e;
    }
  }

  FetchResult get(String path) throws Exception {
    return await(open.fetch(FetchRequest.of(web.url(path))));
  }

  FetchException getFails(String path) throws Exception {
    return failure(open.fetch(FetchRequest.of(web.url(path))));
  }

  FetchException getTimesOut(String path) throws Exception {
    return failure(impatient.fetch(FetchRequest.of(web.url(path))));
  }

  static String text(FetchResult result) {
    return new String(result.body(), StandardCharsets.UTF_8);
  }

  @Nested
  class GoodAnswers {
    @Test
    void returnsTheBodyAndTheCachingHeaders() throws Exception {
      FetchResult result = get("/good");
      assertEquals(200, result.status());
      assertEquals(WebPlayground.FEED, text(result));
      assertEquals("application/rss+xml; charset=utf-8", result.contentType());
      assertEquals(WebPlayground.ETAG, result.etag());
      assertEquals(WebPlayground.LAST_MODIFIED, result.lastModified());
      assertEquals(web.url("/good"), result.finalUrl());
      assertNull(result.retryAfter());
    }

    @Test
    void sendsTheUserAgentAcceptAndAcceptEncoding() throws Exception {
      String echoed =
          text(await(open.fetch(new FetchRequest(web.url("/headers"), null, null, "text/xml"))));
      assertTrue(
          echoed.contains(
              "user-agent=Tributary/dev (+https://github.com/tributary-aggregator/tributary)"),
          echoed);
      assertTrue(echoed.contains("accept=text/xml"), echoed);
      assertTrue(echoed.contains("accept-encoding=gzip, deflate"), echoed);
    }

    @Test
    void decodesGzipAndDeflateBodies() throws Exception {
      assertEquals(WebPlayground.FEED, text(get("/gzip")));
      assertEquals(WebPlayground.FEED, text(get("/deflate")));
    }

    @Test
    void aConditionalGetRoundTripEndsInAnEmpty304() throws Exception {
      FetchResult first = get("/conditional");
      assertEquals(200, first.status());
      FetchResult second =
          await(
              open.fetch(
                  new FetchRequest(
                      web.url("/conditional"), first.etag(), first.lastModified(), null)));
      assertEquals(304, second.status());
      assertTrue(second.notModified());
      assertEquals(0, second.body().length);
      assertEquals(WebPlayground.ETAG, second.etag());
    }

    @Test
    void followsFiveRelativeRedirects() throws Exception {
      FetchResult result = get("/hops/5");
      assertEquals("arrived", text(result));
      assertEquals(web.url("/hops/0"), result.finalUrl());
    }
  }

  @Nested
  class HostileServers {
    @Test
    void aServerAnsweringAfterTheTimeoutIsATimeout() throws Exception {
      assertEquals(Reason.TIMEOUT, getTimesOut("/slow").reason());
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
      assertEquals(Reason.TIMEOUT, getTimesOut("/hang").reason());
    }

    @Test
    void aBodyThatDripsForeverHitsTheTotalTimeoutNotJustTheIdleOne() throws Exception {
      assertEquals(Reason.TIMEOUT, getTimesOut("/drip").reason());
    }

    @Test
    void aRedirectLoopIsTooManyRedirects() throws Exception {
      assertEquals(Reason.TOO_MANY_REDIRECTS, getFails("/loop").reason());
    }

    @Test
    void aSixthRedirectIsOneTooMany() throws Exception {
      assertEquals(Reason.TOO_MANY_REDIRECTS, getFails("/hops/6").reason());
    }

    @Test
    void aRedirectWithoutLocationIsAProtocolError() throws Exception {
      assertEquals(Reason.PROTOCOL, getFails("/no-location").reason());
    }

    @Test
    void anEndlessTenGigabyteBodyStopsAtTheLimit() throws Exception {
      FetchException e = getFails("/endless");
      assertEquals(Reason.TOO_LARGE, e.reason(), e.getMessage());
      assertTrue(
          web.endlessBytesSent.get() < WebPlayground.TEN_GB / 10,
          "server wrote " + web.endlessBytesSent.get() + " bytes");
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
      assertEquals(Reason.TOO_LARGE, getFails("/declared-huge").reason());
    }

    @Test
    void aGzipBombStopsAtTheLimitOfDecompressedBytes() throws Exception {
      FetchException e = getFails("/bomb");
      assertEquals(Reason.TOO_LARGE, e.reason());
      assertTrue(e.getMessage().contains(String.valueOf(LIMIT)), e.getMessage());
    }

    @Test
    void aTruncatedGzipBodyIsAProtocolError() throws Exception {
      assertEquals(Reason.PROTOCOL, getFails("/truncated-gzip").reason());
    }

    @Test
    void anEncodingWeDidNotAskForIsAProtocolError() throws Exception {
      assertEquals(Reason.PROTOCOL, getFails("/brotli").reason());
    }
  }

  @Nested
  class ErrorStatuses {
    @Test
    void a429CarriesItsStatusAndRetryAfter() throws Exception {
      FetchException e = getFails("/too-many-requests");
      assertEquals(Reason.HTTP_STATUS, e.reason());
      assertEquals(429, e.status());
      assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void failuresNameTheUrlWithoutItsQueryWhereAPrivateFeedKeepsItsToken() throws Exception {
      FetchException status = getFails("/too-many-requests?token=s3cret");
      assertTrue(status.getMessage().contains("/too-many-requests"), status.getMessage());
      assertFalse(status.getMessage().contains("s3cret"), status.getMessage());
      FetchException loop = getFails("/loop?token=s3cret");
      assertFalse(loop.getMessage().contains("s3cret"), loop.getMessage());
      FetchException timeout = getTimesOut("/hang?token=s3cret");
      assertFalse(timeout.getMessage().contains("s3cret"), timeout.getMessage());
    }

    @Test
    void a503RetryAfterDateBecomesADelay() throws Exception {
      FetchException e = getFails("/unavailable-until");
      assertEquals(503, e.status());
      Duration wait = e.retryAfter();
      assertTrue(
          wait.compareTo(Duration.ofMinutes(9)) > 0 && wait.compareTo(Duration.ofMinutes(10)) <= 0,
          "retry after " + wait);
    }

    @Test
    void a410IsAnHttpStatusFailure() throws Exception {
      FetchException e = getFails("/gone");
      assertEquals(Reason.HTTP_STATUS, e.reason());
      assertEquals(410, e.status());
      assertNull(e.retryAfter());
    }

    @Test
    void aRefusedConnectionIsAConnectFailure() throws Exception {
      FetchException e = failure(open.fetch(FetchRequest.of("http://127.0.0.1:1/")));
      assertEquals(Reason.CONNECT, e.reason(), e.getMessage());
    }

    @Test
    void aMalformedUrlIsABadUrl() throws Exception {
      assertEquals(
          Reason.BAD_URL, failure(open.fetch(FetchRequest.of("ftp://example.com/"))).reason());
      assertEquals(
          Reason.BAD_URL, failure(open.fetch(FetchRequest.of("http://256.1.1.1/"))).reason());
    }
  }

  @Nested
  class PerHostLimit {
    @Test
    void neverRunsMoreThanTheLimitAgainstOneHost() throws Exception {
      Fetcher fetcher = new Fetcher(vertx, options(true, PATIENT_MS, 2));
      try {
        List<Future<FetchResult>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          all.add(fetcher.fetch(FetchRequest.of(web.url("/concurrent"))));
        }
        for (Future<FetchResult> each : all) {
          assertEquals("done", text(await(each)));
        }
        assertEquals(2, web.maxInFlight.get());
      } finally {
        await(fetcher.close());
      }
    }

    @Test
    void refusesToQueueWithoutBound() throws Exception {
      Fetcher fetcher = new Fetcher(vertx, options(true, TIMEOUT_MS, 1));
      try {
        List<Future<FetchResult>> all = new ArrayList<>();
        for (int i = 0; i < Fetcher.MAX_WAITING_PER_HOST + 2; i++) {
          all.add(fetcher.fetch(FetchRequest.of(web.url("/hang"))));
        }
        FetchException last = failure(all.get(all.size() - 1));
        assertEquals(Reason.CONNECT, last.reason());
        assertTrue(last.getMessage().contains("too many fetches waiting"), last.getMessage());
        assertEquals(Reason.TIMEOUT, failure(all.get(0)).reason());
      } finally {
        await(fetcher.close());
      }
    }
  }

  /** {@code allowPrivateAddresses=false}. */
  @Nested
  class Guarded {
    /** The real guard, except that 127.0.0.1 itself passes: it stands in for a public host. */
    final Function<InetAddress, Optional<String>> allowOnlyTheTestServer =
        address ->
            address.getHostAddress().equals("127.0.0.1")
                ? Optional.empty()
                : AddressGuard.refusal(address);

    /** Stands in for DNS: names to addresses, no network. */
    final Fetcher.Resolver fakeDns =
        host -> {
          List<String> addresses =
              Map.of(
                      "feeds.example", List.of("127.0.0.1"),
                      "rebinding.example", List.of("93.184.216.34", "127.0.0.2"),
                      "internal.example", List.of("10.1.2.3"))
                  .get(host);
          if (addresses == null) {
            throw new java.net.UnknownHostException(host);
          }
          List<InetAddress> resolved = new ArrayList<>();
          for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
          }
          return resolved;
        };

    Fetcher guarded() {
      return new Fetcher(vertx, options(false, PATIENT_MS, 2), fakeDns, allowOnlyTheTestServer);
    }

    @Test
    void refusesTheLoopbackServerWithTheRealGuard() throws Exception {
      Fetcher fetcher = new Fetcher(vertx, options(false, PATIENT_MS, 2));
      int before = web.requests.get();
      try {
        for (String url :
            List.of(
                web.url("/good"),
                "http://localhost:" + web.port() + "/good",
                "http://0x7f.1:" + web.port() + "/good",
                "http://2130706433:" + web.port() + "/good",
                "http://[::ffff:127.0.0.1]:" + web.port() + "/good")) {
          FetchException e = failure(fetcher.fetch(FetchRequest.of(url)));
          assertEquals(Reason.BLOCKED_ADDRESS, e.reason(), url + ": " + e.getMessage());
        }
        assertEquals(before, web.requests.get(), "no request may reach the server");
      } finally {
        await(fetcher.close());
      }
    }

    @Test
    void connectsToTheCheckedAddressWithTheNameInTheHostHeader() throws Exception {
      Fetcher fetcher = guarded();
      try {
        String url = "http://feeds.example:" + web.port() + "/headers";
        FetchResult result = await(fetcher.fetch(FetchRequest.of(url)));
        assertTrue(
            text(result).contains("host=feeds.example:" + web.port()), "echo: " + text(result));
      } finally {
        await(fetcher.close());
      }
    }

    @Test
    void refusesAPrivateAddressAfterARedirect() throws Exception {
      Fetcher fetcher = guarded();
      try {
        assertEquals(
            WebPlayground.FEED, text(await(fetcher.fetch(FetchRequest.of(web.url("/good"))))));
        FetchException toLoopback = failure(fetcher.fetch(FetchRequest.of(web.url("/to-blocked"))));
        assertEquals(Reason.BLOCKED_ADDRESS, toLoopback.reason());
        assertTrue(toLoopback.getMessage().contains("127.0.0.2"), toLoopback.getMessage());
        FetchException toMetadata =
            failure(fetcher.fetch(FetchRequest.of(web.url("/to-metadata"))));
        assertEquals(Reason.BLOCKED_ADDRESS, toMetadata.reason());
        assertTrue(toMetadata.getMessage().contains("metadata"), toMetadata.getMessage());
      } finally {
        await(fetcher.close());
      }
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() throws Exception {
      Fetcher fetcher = guarded();
      try {
        for (String host : List.of("rebinding.example", "internal.example")) {
          FetchException e = failure(fetcher.fetch(FetchRequest.of("http://" + host + "/feed")));
          assertEquals(Reason.BLOCKED_ADDRESS, e.reason(), e.getMessage());
        }
        FetchException unknown =
            failure(fetcher.fetch(FetchRequest.of("http://nowhere.example/feed")));
        assertEquals(Reason.DNS, unknown.reason());
        assertFalse(unknown.getMessage().isBlank());
      } finally {
        await(fetcher.close());
      }
    }
  }

  @Test
  void theSameBodyComesBackByteForByte() throws Exception {
    assertArrayEquals(WebPlayground.FEED.getBytes(StandardCharsets.UTF_8), get("/good").body());
  }
}
