package dev.tributary.sources;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The host of a URL, normalised the way browsers and curl read it (WHATWG URL host parsing with
 * inet_aton number rules), so that {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code
 * 127.1} and {@code 127.0.0.1.} all become the address 127.0.0.1 before anything is resolved.
 * Java's {@code URI} and {@code InetAddress} disagree with browsers on several of these spellings,
 * which is exactly the gap an SSRF payload aims at.
 *
 * @param name the host as sent in the Host header and SNI: lower-case ASCII name without a trailing
 *     dot, dotted-quad IPv4, or IPv6 text without brackets
 * @param literal the address when the host is an IP literal in any spelling, else null
 */
public record WebHost(String name, InetAddress literal) {

  private static final String FORBIDDEN = " \t\n\r#/:<>?@[\\]^|%\"`{}";

  /** Whether DNS must be asked: the host is a name, not an address. */
  public boolean isName() {
    return literal == null;
  }

  /** The host as it appears in a URL authority (IPv6 in brackets). */
  public String authorityForm() {
    return literal instanceof Inet6Address ? "[" + name + "]" : name;
  }

  /**
   * Parses the raw host of a URL authority (percent-encoded, possibly bracketed IPv6).
   *
   * @throws IllegalArgumentException with a user-readable reason when it is not a valid host
   */
  public static WebHost parse(String rawHost) {
    if (rawHost == null || rawHost.isEmpty()) {
      throw new IllegalArgumentException("URL has no host");
    }
    if (rawHost.startsWith("[")) {
      return ipv6(rawHost);
    }
    String host = asciiLowerCase(percentDecode(rawHost));
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < 0x21 || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
        throw new IllegalArgumentException("host contains a forbidden character: " + rawHost);
      }
    }
    if (endsInNumber(host)) {
      return new WebHost(ipv4(host, rawHost));
    }
    return new WebHost(checkedName(host, rawHost), null);
  }

  private WebHost(InetAddress address) {
    this(textOf(address), address);
  }

  private static String textOf(InetAddress address) {
    String text = address.getHostAddress();
    int zone = text.indexOf('%');
    return zone < 0 ? text : text.substring(0, zone);
  }

  private static WebHost ipv6(String rawHost) {
    if (!rawHost.endsWith("]") || rawHost.length() < 4) {
      throw new IllegalArgumentException("malformed IPv6 host: " + rawHost);
    }
    String inner = rawHost.substring(1, rawHost.length() - 1);
    if (inner.indexOf(':') < 0 || inner.indexOf('%') >= 0 || !inner.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("malformed IPv6 host: " + rawHost);
    }
    try {
      // A literal with ':' is parsed, never looked up. Java turns ::ffff:a.b.c.d into an
      // Inet4Address, which is what the guard wants to look at anyway.
      return new WebHost(InetAddress.getByName(inner));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("malformed IPv6 host: " + rawHost);
    }
  }

  private static String percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.put((byte) (hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("host is not valid UTF-8 once decoded: " + raw);
    }
  }

  /** IDNA mapping also folds full-width digits and dots ("１２７。０。０。１") to ASCII. */
  private static String asciiLowerCase(String host) {
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("host is not a valid internationalised name: " + host);
    }
    return ascii.toLowerCase(Locale.ROOT);
  }

  /** The WHATWG "ends in a number" test: such a host must parse as IPv4 or is invalid. */
  private static boolean endsInNumber(String host) {
    String[] parts = labels(host);
    if (parts.length == 0) {
      return false;
    }
    String last = parts[parts.length - 1];
    if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return parseNumber(last) >= 0;
  }

  /** Labels without the single trailing empty one a trailing dot makes. */
  private static String[] labels(String host) {
    String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return trimmed.split("\\.", -1);
  }

  private static InetAddress ipv4(String host, String rawHost) {
    String[] parts = labels(host);
    if (parts.length > 4) {
      throw new IllegalArgumentException("not a valid IPv4 address: " + rawHost);
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      long n = parseNumber(parts[i]);
      boolean last = i == parts.length - 1;
      long limit = last ? 1L << (8 * (5 - parts.length)) : 256;
      if (n < 0 || n >= limit) {
        throw new IllegalArgumentException("not a valid IPv4 address: " + rawHost);
      }
      value = last ? (value << (8 * (5 - parts.length))) + n : (value << 8) + n;
    }
    byte[] bytes = {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
    try {
      return Inet4Address.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** inet_aton number: 0x hex, leading-zero octal, else decimal; -1 when not a number. */
  static long parseNumber(String part) {
    if (part.isEmpty()) {
      return -1;
    }
    int radix = 10;
    String digits = part;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0;
      }
    } else if (part.length() >= 2 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.length() > 32) {
      return Long.MAX_VALUE;
    }
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0) {
        return -1;
      }
      n = n * radix + d;
      if (n > 0xFFFF_FFFFL) {
        n = 0x1_0000_0000L; // too big for any part; keep it out of range without overflow
      }
    }
    return n;
  }

  private static String checkedName(String host, String rawHost) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (name.isEmpty() || name.length() > 253) {
      throw new IllegalArgumentException("not a valid host name: " + rawHost);
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        throw new IllegalArgumentException("not a valid host name: " + rawHost);
      }
    }
    return name;
  }
}
