package dev.tributary.extract.web;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;

/** Resolves references found in a page against the page's address. */
final class PageUrls {
  private PageUrls() {}

  /**
   * {@code reference} made absolute against {@code base}; {@code null} when it cannot be, or when
   * the result is not an http(s) URL (a canonical {@code javascript:} or {@code data:} URL is no
   * address we would link to).
   */
  static String absoluteHttp(String base, String reference) {
    if (!Texts.hasText(reference)) return null;
    URL url = resolve(base, reference.strip());
    if (url == null) return null;
    String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
    return protocol.equals("http") || protocol.equals("https") ? url.toExternalForm() : null;
  }

  /** The page's host without a leading "www.", lower case; {@code null} if it has none. */
  static String host(String pageUrl) {
    URL url = resolve(null, pageUrl);
    if (url == null || !Texts.hasText(url.getHost())) return null;
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static URL resolve(String base, String reference) {
    try {
      return Texts.hasText(base) ? new URL(new URL(base), reference) : new URL(reference);
    } catch (MalformedURLException e) {
      // a page's base may be unusable while the reference is already absolute
      try {
        return new URL(reference);
      } catch (MalformedURLException alsoBad) {
        return null;
      }
    }
  }
}
