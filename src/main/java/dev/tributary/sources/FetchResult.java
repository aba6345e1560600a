package dev.tributary.sources;

import java.time.Duration;

/**
 * A successful fetch: a 2xx with its (decompressed) body, or a 304 with an empty body.
 *
 * @param status 2xx or 304
 * @param finalUrl the URL after redirects
 * @param body the decompressed body, at most {@code maxBytes}; empty on 304
 * @param contentType the Content-Type header, or null
 * @param etag the ETag to send next time, or null
 * @param lastModified the Last-Modified to send next time, or null
 * @param retryAfter a Retry-After the server sent along, or null
 */
public record FetchResult(
    int status,
    String finalUrl,
    byte[] body,
    String contentType,
    String etag,
    String lastModified,
    Duration retryAfter) {

  public boolean notModified() {
    return status == 304;
  }
}
