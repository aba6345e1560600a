package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code metrics.allowedNetworks}: CIDR lists parsed once, matched against client addresses. */
class AllowedNetworksTest {
  static final String KEY = "metrics.allowedNetworks";

  /** Each address in {@code allowed} is let in, each in {@code refused} is not. */
  static void assertMatches(String networks, List<String> allowed, List<String> refused) {
    AllowedNetworks parsed = AllowedNetworks.parse(KEY, networks);
    allowed.forEach(a -> assertTrue(parsed.allows(a), a + " in " + networks));
    refused.forEach(a -> assertFalse(parsed.allows(a), a + " not in " + networks));
  }

  @Test
  void theDefaultAllowsLoopbackOnly() {
    assertMatches(
        "127.0.0.0/8,::1/128",
        List.of("127.0.0.1", "127.9.8.7", "0:0:0:0:0:0:0:1", "::1"),
        List.of("10.0.0.1", "::2", "localhost", "not an address"));
    assertFalse(AllowedNetworks.parse(KEY, "::/0").allows(null));
  }

  @Test
  void networksOfBothFamiliesMatchByPrefix() {
    assertMatches(
        " 192.168.10.0/24 , fd00::/8 ",
        List.of("192.168.10.200", "fd12:3456::1"),
        List.of("192.168.11.1", "fe80::1"));
    assertMatches("", List.of(), List.of("127.0.0.1", "::1"));
  }

  @Test
  void aBadNetworkNamesTheKeyAndStopsTheConfiguration() {
    for (String bad :
        new String[] {"127.0.0.1", "10.0.0.0/33", "example.com/8", "::1/129", "x/y"}) {
      var e = assertThrows(ConfigException.class, () -> AllowedNetworks.parse(KEY, bad), bad);
      assertTrue(e.getMessage().startsWith(KEY + ": '" + bad + "'"), e.getMessage());
    }
    JsonObject json = ConfigLoader.bundledDefaults();
    json.put("metrics", new JsonObject().put("allowedNetworks", "10.0.0.0/8,nonsense"));
    var e = assertThrows(ConfigException.class, () -> TributaryConfig.from(json));
    assertEquals(
        KEY + ": 'nonsense' is not a network in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8",
        e.getMessage());
  }
}
