package dev.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code metrics.allowedNetworks}: CIDR lists parsed once, matched against client addresses. */
class AllowedNetworksTest {
  static final String KEY = "metrics.allowedNetworks";

  @Test
  void theDefaultAllowsLoopbackOnly() {
    AllowedNetworks loopback = AllowedNetworks.parse(KEY, "127.0.0.0/8,::1/128");
    assertTrue(loopback.allows("127.0.0.1"));
    assertTrue(loopback.allows("127.9.8.7"));
    assertTrue(loopback.allows("0:0:0:0:0:0:0:1"));
    assertFalse(loopback.allows("10.0.0.1"));
    assertFalse(loopback.allows("::2"));
    assertFalse(loopback.allows("localhost"), "names are not addresses");
    assertFalse(loopback.allows(null));
  }

  @Test
  void networksOfBothFamiliesMatchByPrefix() {
    AllowedNetworks lan = AllowedNetworks.parse(KEY, " 192.168.10.0/24 , fd00::/8 ");
    assertTrue(lan.allows("192.168.10.200"));
    assertFalse(lan.allows("192.168.11.1"));
    assertTrue(lan.allows("fd12:3456::1"));
    assertFalse(lan.allows("fe80::1"));
    assertFalse(AllowedNetworks.parse(KEY, "").allows("127.0.0.1"), "empty: nobody");
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
