package dev.tributary.sources;

import java.nio.charset.StandardCharsets;

/**
 * One request for a URL: a GET, or a POST when it has a body (a WebSub subscription to a hub).
 *
 * @param url absolute http(s) URL
 * @param etag the ETag stored from the last fetch, sent as If-None-Match; null for none
 * @param lastModified the Last-Modified stored from the last fetch, sent as If-Modified-Since; null
 *     for none
 * @param accept the Accept header; null for any
 * @param contentType the Content-Type of the body; null for a GET
 * @param body the body to POST; null for a GET
 */
public record FetchRequest(
    String url, String etag, String lastModified, String accept, String contentType, byte[] body) {

  /** A GET, conditional when an ETag or Last-Modified is given. */
  public FetchRequest(String url, String etag, String lastModified, String accept) {
    this(url, etag, lastModified, accept, null, null);
  }

  /** An unconditional GET accepting anything. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null, null);
  }

  /** A POST of an {@code application/x-www-form-urlencoded} body. */
  public static FetchRequest form(String url, String encodedForm) {
    return new FetchRequest(
        url,
        null,
        null,
        null,
        "application/x-www-form-urlencoded",
        encodedForm.getBytes(StandardCharsets.US_ASCII));
  }

  public boolean isPost() {
    return body != null;
  }
}
