package dev.tributary.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An http(s) URL taken apart the way a browser would: the authority is split by hand because {@link
 * URI} gives up on hosts such as {@code 0x7f.0.0.1} or {@code 127.1} (it calls them "registry
 * based" and returns a null host), and a guard that trusted {@code URI.getHost()} would be blind to
 * them.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the normalised host
 * @param port the explicit port, or the scheme's default
 * @param pathAndQuery the raw request target, never empty, without the fragment
 */
public record TargetUrl(String scheme, WebHost host, int port, String pathAndQuery) {

  /**
   * Parses an absolute http(s) URL.
   *
   * @throws IllegalArgumentException with a user-readable reason
   */
  public static TargetUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no URL given");
    }
    try {
      return parse(new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + reason(e));
    }
  }

  /**
   * Parses an absolute http(s) URI.
   *
   * @throws IllegalArgumentException with a user-readable reason
   */
  public static TargetUrl parse(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "only http and https URLs can be fetched, not '"
              + (scheme.isEmpty() ? RedactedUrl.of(uri) : scheme)
              + "'");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + RedactedUrl.of(uri));
    }
    // URI only fills getUserInfo() for server-based authorities, so look for '@' ourselves.
    if (authority.indexOf('@') >= 0) {
      throw new IllegalArgumentException("URLs with a user name or password are refused");
    }
    int portStart = portSeparator(authority);
    String rawHost = portStart < 0 ? authority : authority.substring(0, portStart);
    int port = portStart < 0 ? -1 : port(authority.substring(portStart + 1));
    if (port < 0) {
      port = defaultPort(scheme);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new TargetUrl(scheme, WebHost.parse(rawHost), port, path + query);
  }

  /** Resolves a redirect's Location against this URL. */
  public TargetUrl resolve(String location) {
    try {
      return parse(new URI(toString()).resolve(new URI(location.strip())));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("redirect to an invalid URL: " + reason(e));
    }
  }

  /** The Host header value: the host, plus the port when it is not the scheme's default. */
  public String authority() {
    return port == defaultPort(scheme) ? host.authorityForm() : host.authorityForm() + ":" + port;
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  @Override
  public String toString() {
    return scheme + "://" + authority() + pathAndQuery;
  }

  /** What is wrong and where, without echoing the URL (its query may hold a token). */
  private static String reason(URISyntaxException e) {
    return e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "");
  }

  private static int portSeparator(String authority) {
    int close = authority.lastIndexOf(']');
    int colon = authority.lastIndexOf(':');
    return colon > close ? colon : -1;
  }

  private static int port(String digits) {
    if (digits.isEmpty()) {
      return -1;
    }
    if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a valid port: " + digits);
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + digits);
    }
    return port;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }
}
