package dev.tributary.config;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of networks in CIDR notation ({@code 127.0.0.0/8,::1/128}), parsed once when the
 * configuration loads, and the test of a client address against it. Matching is Netty's {@link
 * IpSubnetFilterRule}; only address literals are accepted, so parsing never asks DNS.
 */
public final class AllowedNetworks {
  private final String text;
  private final List<IpSubnetFilterRule> rules;

  private AllowedNetworks(String text, List<IpSubnetFilterRule> rules) {
    this.text = text;
    this.rules = List.copyOf(rules);
  }

  /** Parses a comma-separated CIDR list; a bad entry is a {@link ConfigException} naming key. */
  public static AllowedNetworks parse(String key, String text) {
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    for (String part : text.split(",")) {
      String cidr = part.trim();
      if (cidr.isEmpty()) continue;
      rules.add(rule(key, cidr));
    }
    return new AllowedNetworks(text, rules);
  }

  private static IpSubnetFilterRule rule(String key, String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? "" : cidr.substring(0, slash);
    boolean v4 = NetUtil.isValidIpV4Address(address);
    if (!v4 && !NetUtil.isValidIpV6Address(address)) {
      throw ConfigException.forKey(
          key, "'" + cidr + "' is not a network in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > (v4 ? 32 : 128)) {
      throw ConfigException.forKey(
          key, "'" + cidr + "' has a bad prefix length (0 to " + (v4 ? 32 : 128) + ")");
    }
    return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
  }

  /** Whether the client at this address literal (as a socket reports it) is in a listed network. */
  public boolean allows(String hostAddress) {
    byte[] bytes =
        hostAddress == null ? null : NetUtil.createByteArrayFromIpAddressString(hostAddress);
    if (bytes == null) return false;
    InetSocketAddress client;
    try {
      client = new InetSocketAddress(InetAddress.getByAddress(bytes), 0);
    } catch (UnknownHostException e) {
      return false;
    }
    return rules.stream().anyMatch(rule -> rule.matches(client));
  }

  @Override
  public String toString() {
    return text;
  }
}
