package dev.tributary.sources;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Says why an address must not be fetched from (SSRF guard, docs/RELIABILITY.md): anything that is
 * not a public unicast address on the internet. Pure; the fetcher applies it to every address a
 * name resolves to and to every redirect hop, and then connects to the address it checked.
 */
public final class AddressGuard {

  private record Range(byte[] prefix, int bits, String what) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  /** Checked first so the reason names the metadata service rather than the wider range. */
  private static final List<Range> METADATA =
      List.of(
          range("169.254.169.254/32", "a cloud metadata address"),
          range("fd00:ec2::254/128", "a cloud metadata address"),
          range("100.100.100.200/32", "a cloud metadata address"),
          range("192.0.0.192/32", "a cloud metadata address"));

  private static final List<Range> IPV4 =
      List.of(
          range("255.255.255.255/32", "the broadcast address"),
          range("0.0.0.0/32", "the unspecified address"),
          range("0.0.0.0/8", "a 'this network' address"),
          range("10.0.0.0/8", "a private address"),
          range("100.64.0.0/10", "a carrier-grade NAT address"),
          range("127.0.0.0/8", "a loopback address"),
          range("169.254.0.0/16", "a link-local address"),
          range("172.16.0.0/12", "a private address"),
          range("192.0.0.0/24", "an IETF protocol assignment address"),
          range("192.0.2.0/24", "a documentation address"),
          range("192.88.99.0/24", "a 6to4 relay anycast address"),
          range("192.168.0.0/16", "a private address"),
          range("198.18.0.0/15", "a benchmarking address"),
          range("198.51.100.0/24", "a documentation address"),
          range("203.0.113.0/24", "a documentation address"),
          range("224.0.0.0/4", "a multicast address"),
          range("240.0.0.0/4", "a reserved address"));

  private static final List<Range> IPV6 =
      List.of(
          range("::/128", "the unspecified address"),
          range("::1/128", "a loopback address"),
          range("64:ff9b:1::/48", "a local-use NAT64 address"),
          range("100::/64", "a discard-only address"),
          range("2001:2::/48", "a benchmarking address"),
          range("2001:10::/28", "an ORCHID address"),
          range("2001:20::/28", "an ORCHIDv2 address"),
          range("2001:db8::/32", "a documentation address"),
          range("3fff::/20", "a documentation address"),
          range("5f00::/16", "a segment-routing SID address"),
          range("fc00::/7", "a unique-local address"),
          range("fe80::/10", "a link-local address"),
          range("fec0::/10", "a site-local address"),
          range("ff00::/8", "a multicast address"));

  private static final Range IPV4_MAPPED = range("::ffff:0:0/96", "IPv4-mapped");
  private static final Range IPV4_COMPATIBLE = range("::/96", "IPv4-compatible");
  private static final Range NAT64 = range("64:ff9b::/96", "NAT64");
  private static final Range SIX_TO_FOUR = range("2002::/16", "6to4");
  private static final Range TEREDO = range("2001::/32", "Teredo");

  private AddressGuard() {}

  /** Why this address is refused, or empty when it is a public unicast address. */
  public static Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    String text = text(address);
    Optional<String> listed = listed(bytes, METADATA).or(() -> listed(bytes, IPV4));
    if (listed.isPresent() || bytes.length == 4) {
      return listed.map(what -> text + " is " + what);
    }
    Optional<String> embedded = embeddedRefusal(bytes, text);
    if (embedded.isPresent()) {
      return embedded;
    }
    return listed(bytes, IPV6).map(what -> text + " is " + what);
  }

  /**
   * The one check of a URL a user gives, before any request: why it cannot be fetched (not http(s),
   * no host, user info, a bad port, and unless private addresses are allowed, what {@link
   * #refusalForUrl(URI)} refuses), empty when it may be tried. The fetcher checks again, on every
   * resolved address and every redirect.
   */
  public static Optional<String> refusalBeforeFetch(String url, boolean allowPrivateAddresses) {
    return refusalOf(() -> TargetUrl.parse(url), allowPrivateAddresses);
  }

  /**
   * Why this URL is refused before any DNS lookup: not http(s), user info, no host, a host that is
   * an IP literal (in any spelling) which {@link #refusal} refuses, or a {@code localhost} name.
   * Empty means "resolve the name and check every address it gives".
   */
  public static Optional<String> refusalForUrl(URI url) {
    return refusalOf(() -> TargetUrl.parse(url), false);
  }

  private static Optional<String> refusalOf(
      Supplier<TargetUrl> parse, boolean allowPrivateAddresses) {
    TargetUrl target;
    try {
      target = parse.get();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return allowPrivateAddresses ? Optional.empty() : refusalForHost(target.host());
  }

  static Optional<String> refusalForHost(WebHost host) {
    if (!host.isName()) {
      return refusal(host.literal());
    }
    String name = host.name();
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return Optional.of(name + " is a loopback name");
    }
    return Optional.empty();
  }

  private static Optional<String> embeddedRefusal(byte[] bytes, String text) {
    if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
      return embedded(text, bytes, 12, false);
    }
    if (IPV4_COMPATIBLE.contains(bytes) && !isUnspecifiedOrLoopback(bytes)) {
      // Deprecated (RFC 4291) and never routed: refuse whatever it embeds.
      return Optional.of(text + " is an IPv4-compatible IPv6 address");
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return embedded(text, bytes, 2, false);
    }
    if (TEREDO.contains(bytes)) {
      return embedded(text, bytes, 12, true);
    }
    return Optional.empty();
  }

  private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  private static Optional<String> embedded(
      String text, byte[] bytes, int offset, boolean obfuscated) {
    byte[] v4 = new byte[4];
    for (int i = 0; i < 4; i++) {
      v4[i] = (byte) (obfuscated ? ~bytes[offset + i] : bytes[offset + i]);
    }
    try {
      InetAddress inner = InetAddress.getByAddress(v4);
      return refusal(inner).map(why -> text + " embeds " + why.replaceFirst(" is ", ", which is "));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> listed(byte[] bytes, List<Range> ranges) {
    return ranges.stream().filter(r -> r.contains(bytes)).map(Range::what).findFirst();
  }

  private static Range range(String cidr, String what) {
    int slash = cidr.indexOf('/');
    try {
      byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      if (prefix.length == 4 && cidr.contains(":")) {
        prefix = mapped(prefix); // Java folds ::ffff:0:0 into IPv4; keep the 16-byte form
      }
      return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), what);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(cidr, e);
    }
  }

  private static byte[] mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xFF;
    v6[11] = (byte) 0xFF;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }

  /** Address text without a zone id, for messages. */
  private static String text(InetAddress address) {
    String text = address.getHostAddress();
    int zone = text.indexOf('%');
    return zone < 0 ? text : text.substring(0, zone);
  }
}
