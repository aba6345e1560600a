package dev.tributary.sources;

/**
 * One GET of a URL.
 *
 * @param url absolute http(s) URL
 * @param etag the ETag stored from the last fetch, sent as If-None-Match; null for none
 * @param lastModified the Last-Modified stored from the last fetch, sent as If-Modified-Since; null
 *     for none
 * @param accept the Accept header; null for any
 */
public record FetchRequest(String url, String etag, String lastModified, String accept) {

  /** An unconditional GET accepting anything. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null, null);
  }
}
