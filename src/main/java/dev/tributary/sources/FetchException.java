package dev.tributary.sources;

import dev.tributary.bus.Failures;
import dev.tributary.sources.parse.FeedParseException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.Locale;

/** Why a fetch failed, in terms a source status can show and a scheduler can act on. */
public final class FetchException extends RuntimeException {

  public enum Reason {
    /** Not an absolute http(s) URL, user info, bad host or port. */
    BAD_URL,
    /** The host is, or resolves to, an address the SSRF guard refuses. */
    BLOCKED_ADDRESS,
    /** The name does not resolve. */
    DNS,
    /** Connection refused or reset, TLS handshake failed, or too many fetches queued for a host. */
    CONNECT,
    /** The fetch did not finish within {@code fetch.timeoutMs}. */
    TIMEOUT,
    /** The body is larger than {@code fetch.maxBytes} once decompressed. */
    TOO_LARGE,
    /** More redirects than allowed, or a redirect loop. */
    TOO_MANY_REDIRECTS,
    /** An error status (or an unexpected 3xx); see {@link #status()} and {@link #retryAfter()}. */
    HTTP_STATUS,
    /** A broken response: bad encoding, truncated body, redirect without Location. */
    PROTOCOL
  }

  private final Reason reason;
  private final int status;
  private final transient Duration retryAfter;

  public FetchException(Reason reason, String message) {
    this(reason, message, 0, null);
  }

  private FetchException(Reason reason, String message, int status, Duration retryAfter) {
    super(message, null, false, false);
    this.reason = reason;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** An HTTP error status, with the server's Retry-After when it sent one. */
  public static FetchException httpStatus(int status, String url, Duration retryAfter) {
    String message = "HTTP " + status + " from " + RedactedUrl.of(url);
    if (retryAfter != null) {
      message += " (retry after " + retryAfter.toSeconds() + " s)";
    }
    return new FetchException(Reason.HTTP_STATUS, message, status, retryAfter);
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status for {@link Reason#HTTP_STATUS}, else 0. */
  public int status() {
    return status;
  }

  /** How long the server asked us to wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }

  /**
   * A failure to fetch or read what a user asked for, as the status to answer and a message that
   * says why: 400 for a URL that may not be fetched, 422 for one that could not be read or holds no
   * feed. Other failures (ours) pass unchanged.
   */
  public static Throwable asRefusal(Throwable e) {
    if (e instanceof FetchException fe) {
      boolean userError =
          fe.reason() == FetchException.Reason.BLOCKED_ADDRESS
              || fe.reason() == FetchException.Reason.BAD_URL;
      return refusal(
          userError ? 400 : Failures.BAD_INPUT,
          "cannot fetch: "
              + fe.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ": "
              + fe.getMessage());
    }
    if (e instanceof FeedParseException) return refusal(Failures.BAD_INPUT, e.getMessage());
    return e;
  }

  private static ReplyException refusal(int status, String message) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status, message);
  }
}
