package dev.tributary.sources;

import dev.tributary.sources.FetchException.Reason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One fetch, from the first hop to the result. Runs entirely on one Vert.x context, so its fields
 * need no locking; {@link #done} makes the first outcome (result, failure or the total timeout) the
 * only one.
 */
final class FetchRun {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final Fetcher fetcher;
  private final Context context;
  private final FetchRequest request;
  private final Promise<FetchResult> result;
  private final long deadline;
  private TargetUrl current;
  private int redirects;
  private String heldSlot;
  private HttpClientRequest inFlight;
  private LimitedBody body;

  /** The compressed chunks handed to a worker so far, inflated one after the other. */
  private Future<Void> inflated = Future.succeededFuture();

  private long timer = -1;
  private boolean done;

  FetchRun(Fetcher fetcher, Context context, FetchRequest request, Promise<FetchResult> result) {
    this.fetcher = fetcher;
    this.context = context;
    this.request = request;
    this.result = result;
    this.deadline = System.nanoTime() + fetcher.options.timeoutMs() * 1_000_000;
  }

  void start() {
    long timeoutMs = fetcher.options.timeoutMs();
    timer =
        fetcher.vertx.setTimer(
            timeoutMs,
            t ->
                fail(
                    new FetchException(
                        Reason.TIMEOUT,
                        "no complete answer from " + where() + " within " + timeoutMs + " ms")));
    try {
      hop(TargetUrl.parse(request.url()));
    } catch (IllegalArgumentException e) {
      fail(new FetchException(Reason.BAD_URL, e.getMessage()));
    }
  }

  private void hop(TargetUrl target) {
    current = target;
    fetcher
        .checkedAddress(target.host())
        .compose(address -> fetcher.slots.acquire(target.host().name(), context).map(address))
        .onSuccess(
            address -> {
              heldSlot = target.host().name();
              if (done) {
                releaseSlot();
              } else {
                send(target, address);
              }
            })
        .onFailure(this::fail);
  }

  private void send(TargetUrl target, InetAddress address) {
    long remaining = remainingMs();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.isPost() ? HttpMethod.POST : HttpMethod.GET)
            .setServer(
                SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
            .setHost(target.host().authorityForm())
            .setPort(target.port())
            .setSsl(target.isHttps())
            .setURI(target.pathAndQuery())
            .setFollowRedirects(false)
            .setConnectTimeout(remaining)
            .setIdleTimeout(remaining)
            .putHeader(HttpHeaders.USER_AGENT, fetcher.options.userAgent())
            .putHeader(HttpHeaders.ACCEPT, request.accept() == null ? "*/*" : request.accept())
            .putHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
    if (request.etag() != null) {
      options.putHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
    }
    if (request.lastModified() != null) {
      options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
    }
    if (request.contentType() != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, request.contentType());
    }
    fetcher
        .client
        .request(options)
        .compose(
            req -> {
              inFlight = req;
              if (done) {
                req.reset();
              }
              return request.isPost() ? req.send(Buffer.buffer(request.body())) : req.send();
            })
        .onSuccess(response -> onResponse(target, response))
        .onFailure(e -> fail(failure(e)));
  }

  private void onResponse(TargetUrl target, HttpClientResponse response) {
    if (done) {
      return;
    }
    int status = response.statusCode();
    if (REDIRECTS.contains(status) && request.isPost() && status != 307 && status != 308) {
      dropResponse();
      fail(
          new FetchException(
              Reason.PROTOCOL,
              "a POST to " + RedactedUrl.of(target) + " was redirected with " + status));
    } else if (REDIRECTS.contains(status)) {
      follow(target, response.getHeader(HttpHeaders.LOCATION));
    } else if (status >= 200 && status < 300 || status == 304) {
      readBody(response);
    } else {
      Duration retryAfter =
          RetryAfter.parse(response.getHeader(HttpHeaders.RETRY_AFTER), Instant.now());
      fail(FetchException.httpStatus(status, target.toString(), retryAfter));
    }
  }

  private void follow(TargetUrl from, String location) {
    dropResponse();
    if (location == null || location.isBlank()) {
      fail(
          new FetchException(
              Reason.PROTOCOL, "redirect without a Location from " + RedactedUrl.of(from)));
      return;
    }
    if (redirects >= fetcher.options.maxRedirects()) {
      fail(
          new FetchException(
              Reason.TOO_MANY_REDIRECTS,
              "more than "
                  + fetcher.options.maxRedirects()
                  + " redirects from "
                  + RedactedUrl.of(request.url())));
      return;
    }
    TargetUrl next;
    try {
      next = from.resolve(location);
    } catch (IllegalArgumentException e) {
      fail(
          new FetchException(
              Reason.BAD_URL, "redirect from " + RedactedUrl.of(from) + ": " + e.getMessage()));
      return;
    }
    redirects++;
    hop(next);
  }

  private void readBody(HttpClientResponse response) {
    String encoding = response.getHeader(HttpHeaders.CONTENT_ENCODING);
    long limit = fetcher.options.maxBytes();
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (encoding == null && length != null && length.matches("\\d{1,18}")) {
      if (Long.parseLong(length) > limit) {
        fail(tooLarge("Content-Length " + length));
        return;
      }
    }
    try {
      body = LimitedBody.forEncoding(encoding, limit);
    } catch (FetchException e) {
      fail(e);
      return;
    }
    response.exceptionHandler(e -> fail(failure(e)));
    response.handler(
        chunk -> {
          if (done) {
            return;
          }
          if (body.compressed()) {
            inflateOnWorker(response, chunk.getBytes());
            return;
          }
          try {
            body.accept(chunk.getBytes()); // a copy, no decoding: fine on the event loop
          } catch (FetchException e) {
            fail(e);
          }
        });
    response.endHandler(v -> inflated.onSuccess(ok -> succeed(response)));
  }

  /**
   * Inflation is CPU work, so each compressed chunk is inflated on a worker, one after the other,
   * with the response paused meanwhile: the socket is not read while a chunk inflates, so neither
   * compressed nor inflated bytes pile up, and {@link LimitedBody} still stops at the limit within
   * one chunk (a gzip bomb ends at {@code fetch.maxBytes}).
   */
  private void inflateOnWorker(HttpClientResponse response, byte[] chunk) {
    response.pause();
    inflated =
        inflated
            .compose(
                ok ->
                    done
                        ? Future.<Void>succeededFuture()
                        : fetcher.vertx.<Void>executeBlocking(
                            () -> {
                              body.accept(chunk);
                              return null;
                            },
                            false))
            .onSuccess(
                ok -> {
                  if (!done) response.resume();
                })
            .onFailure(this::fail);
  }

  private void succeed(HttpClientResponse response) {
    if (done) {
      return;
    }
    byte[] bytes;
    try {
      bytes = body.finish();
    } catch (FetchException e) {
      fail(e);
      return;
    }
    inFlight = null; // complete: the connection goes back to the pool
    finish();
    result.complete(
        new FetchResult(
            response.statusCode(),
            redirects == 0 ? request.url() : current.toString(),
            response.statusCode() == 304 ? new byte[0] : bytes,
            response.getHeader(HttpHeaders.CONTENT_TYPE),
            response.getHeader(HttpHeaders.ETAG),
            response.getHeader(HttpHeaders.LAST_MODIFIED),
            RetryAfter.parse(response.getHeader(HttpHeaders.RETRY_AFTER), Instant.now())));
  }

  private void fail(Throwable failure) {
    if (done) {
      return;
    }
    finish(); // first: resetting the request below calls back into this run
    dropResponse();
    result.fail(failure);
  }

  private void finish() {
    done = true;
    fetcher.vertx.cancelTimer(timer);
    releaseSlot();
    if (body != null) {
      LimitedBody inflating = body;
      inflated.onComplete(ended -> inflating.release()); // never under a worker still inflating
    }
  }

  /** Closes the connection instead of reading a body we do not want (it may never end). */
  private void dropResponse() {
    if (inFlight != null) {
      inFlight.reset();
      inFlight = null;
    }
    releaseSlot();
  }

  private void releaseSlot() {
    if (heldSlot != null) {
      fetcher.slots.release(heldSlot);
      heldSlot = null;
    }
  }

  /** The URL being fetched, for messages: without query and user info ({@link RedactedUrl}). */
  private String where() {
    return RedactedUrl.of(current == null ? request.url() : current);
  }

  private long remainingMs() {
    return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
  }

  private FetchException tooLarge(String what) {
    return new FetchException(
        Reason.TOO_LARGE,
        what + " is larger than the limit of " + fetcher.options.maxBytes() + " bytes");
  }

  private FetchException failure(Throwable e) {
    if (e instanceof FetchException fetch) {
      return fetch;
    }
    String where = where();
    String detail =
        RedactedUrl.inMessage(
            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return new FetchException(Reason.TIMEOUT, "timed out fetching " + where + ": " + detail);
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return new FetchException(Reason.CONNECT, "cannot connect to " + where + ": " + detail);
    }
    if (e instanceof SSLException || e.getCause() instanceof SSLException) {
      return new FetchException(Reason.CONNECT, "TLS failed with " + where + ": " + detail);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(Reason.DNS, "cannot resolve " + where);
    }
    return new FetchException(Reason.PROTOCOL, "broken response from " + where + ": " + detail);
  }
}
