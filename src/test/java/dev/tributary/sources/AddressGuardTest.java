package dev.tributary.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  static Optional<String> refusalOf(String url) {
    return AddressGuard.refusalForUrl(URI.create(url));
  }

  static Optional<String> refusalOfAddress(String literal) throws Exception {
    return AddressGuard.refusal(InetAddress.getByName(literal));
  }

  /** Each spelling a browser or curl reads as 127.0.0.1 normalises to exactly that. */
  @Nested
  class LoopbackSpellings {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://127.0.0.1/",
          "http://2130706433/",
          "http://0177.0.0.1/",
          "http://00177.0.0.01/",
          "http://0x7f.0.0.1/",
          "http://0X7F.0.0.1/",
          "http://0x7f000001/",
          "http://017700000001/",
          "http://0x7f.1/",
          "http://127.1/",
          "http://127.0.1/",
          "http://127.0.0.1./",
          "http://2130706433./",
          "http://%31%32%37.0.0.1/",
          "http://127.0.0.1:8080/feed.xml",
          "HTTP://127.0.0.1/",
        })
    void normalisesToTheLoopbackAddressAndIsRefused(String url) {
      WebHost host = TargetUrl.parse(url).host();
      assertEquals("127.0.0.1", host.name(), url);
      assertTrue(refusalOf(url).orElseThrow().contains("loopback"), url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://[::1]/",
          "http://[0:0:0:0:0:0:0:1]/",
          "http://[0000:0000:0000:0000:0000:0000:0000:0001]/",
          "http://[::ffff:127.0.0.1]/",
          "http://[::ffff:7f00:1]/",
          "http://[::FFFF:7F00:0001]:8080/",
          "http://[0:0:0:0:0:ffff:127.0.0.1]/",
        })
    void refusesIpv6SpellingsOfLoopback(String url) {
      assertTrue(refusalOf(url).orElseThrow().contains("loopback"), url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://localhost/",
          "http://LOCALHOST/",
          "http://localhost./",
          "http://localhost:8080/",
          "http://feeds.localhost/",
        })
    void refusesLocalhostNames(String url) {
      assertTrue(refusalOf(url).orElseThrow().contains("loopback name"), url);
    }

    @Test
    void refusesFullWidthDigitsThatIdnaFoldsToLoopback() {
      // U+FF11 etc.: IDNA mapping turns them into ASCII "127.0.0.1", as browsers do.
      String url = "http://\uFF11\uFF12\uFF17\u3002\uFF10\u3002\uFF10\u3002\uFF11/";
      assertEquals("127.0.0.1", TargetUrl.parse(url).host().name());
      assertTrue(refusalOf(url).isPresent());
    }
  }

  @Nested
  class OtherRefusedAddresses {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "http://0.0.0.0/, unspecified",
      "http://0/, unspecified",
      "http://[::]/, unspecified",
      "http://10.0.0.1/, private",
      "http://10.255.255.255/, private",
      "http://172.16.0.1/, private",
      "http://172.31.255.254/, private",
      "http://192.168.1.1/, private",
      "http://0xc0a80101/, private",
      "http://3232235777/, private",
      "http://169.254.0.1/, link-local",
      "http://[fe80::1]/, link-local",
      "http://[febf::1]/, link-local",
      "http://100.64.0.1/, carrier-grade NAT",
      "http://100.127.255.255/, carrier-grade NAT",
      "http://224.0.0.1/, multicast",
      "http://239.255.255.250/, multicast",
      "http://[ff02::1]/, multicast",
      "http://255.255.255.255/, broadcast",
      "http://[fc00::1]/, unique-local",
      "http://[fdff::1]/, unique-local",
      "http://169.254.169.254/latest/meta-data/, metadata",
      "http://0xa9fea9fe/, metadata",
      "http://[fd00:ec2::254]/, metadata",
      "http://100.100.100.200/, metadata",
      "http://[::ffff:169.254.169.254]/, metadata",
      "http://[::ffff:10.0.0.1]/, private",
      "http://[::ffff:a00:1]/, private",
      "http://[::127.0.0.1]/, IPv4-compatible",
      "http://[::10.0.0.1]/, IPv4-compatible",
      "http://[64:ff9b::7f00:1]/, loopback",
      "http://[64:ff9b::10.0.0.1]/, private",
      "http://[64:ff9b::a9fe:a9fe]/, metadata",
      "http://[2002:7f00:1::1]/, loopback",
      "http://[2002:c0a8:101::1]/, private",
      "http://192.0.2.1/, documentation",
      "http://198.51.100.7/, documentation",
      "http://203.0.113.9/, documentation",
      "http://[2001:db8::1]/, documentation",
      "http://198.18.0.1/, benchmarking",
      "http://198.19.255.1/, benchmarking",
      "http://[2001:2::1]/, benchmarking",
      "http://240.0.0.1/, reserved",
    })
    void refusesWithAReasonNamingTheRange(String url, String what) {
      String reason = refusalOf(url).orElseThrow(() -> new AssertionError(url + " allowed"));
      assertTrue(reason.contains(what), url + ": " + reason);
    }
  }

  @Nested
  class RefusedUrls {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "ftp://example.com/feed.xml",
          "file:///etc/passwd",
          "gopher://example.com/",
          "javascript:alert(1)",
          "mailto:someone@example.com",
          "//example.com/feed.xml",
          "/feed.xml",
          "http:///feed.xml",
          "http:feed.xml",
        })
    void refusesAnythingButAbsoluteHttp(String url) {
      assertTrue(refusalOf(url).isPresent(), url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://user:secret@example.com/",
          "http://user@example.com/",
          "http://example.com@127.0.0.1/",
          "http://a@0x7f.1/",
        })
    void refusesUserInfo(String url) {
      assertTrue(refusalOf(url).orElseThrow().contains("user name"), url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://256.0.0.1/",
          "http://1.2.3.4.5/",
          "http://0x100000000/",
          "http://4294967296/",
          "http://1.2.3.09/",
          "http://1.2.65536/",
          "http://example..com/",
          "http://[fe80::1%25eth0]/",
          "http://example.com:0/",
          "http://example.com:65536/",
          "http://example.com:8o/",
        })
    void refusesHostsAndPortsABrowserWouldNotParse(String url) {
      assertTrue(refusalOf(url).isPresent(), url);
      assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse(url));
    }
  }

  @Nested
  class AllowedUrls {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "http://example.com/feed.xml, example.com",
      "https://Example.COM./feed, example.com",
      "http://93.184.216.34/, 93.184.216.34",
      "http://0x08080808/, 8.8.8.8",
      "http://134744072/, 8.8.8.8",
      "http://8.8.8.8./, 8.8.8.8",
      "http://1.1.1.1:8080/feed, 1.1.1.1",
      "http://[2606:4700:4700::1111]/, 2606:4700:4700:0:0:0:0:1111",
      "http://[::ffff:93.184.216.34]/, 93.184.216.34",
      "http://[64:ff9b::808:808]/, 64:ff9b:0:0:0:0:808:808",
      "http://[2002:808:808::1]/, 2002:808:808:0:0:0:0:1",
      "http://172.32.0.1/, 172.32.0.1",
      "http://100.128.0.1/, 100.128.0.1",
      "http://0x7f.example.com/, 0x7f.example.com",
    })
    void allowsPublicAddressesAndNames(String url, String host) {
      assertEquals(Optional.empty(), refusalOf(url), url);
      assertEquals(host, TargetUrl.parse(url).host().name());
    }
  }

  @Test
  void refusesStringsThatAreNotUrlsAtAll() {
    assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse("http://[::1/"));
    assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse("http://exa mple.com/"));
    assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse(" "));
  }

  @Test
  void refusesAddressesGivenDirectly() throws Exception {
    assertTrue(refusalOfAddress("127.0.0.53").orElseThrow().contains("loopback"));
    assertTrue(refusalOfAddress("::1").orElseThrow().contains("loopback"));
    assertTrue(refusalOfAddress("169.254.169.254").orElseThrow().contains("metadata"));
    assertEquals(Optional.empty(), refusalOfAddress("93.184.216.34"));
    assertEquals(Optional.empty(), refusalOfAddress("2a00:1450:4001:82b::200e"));
  }

  @Test
  void refusesTeredoAddressesHidingAPrivateClient() throws Exception {
    // Teredo stores the client address inverted: ~10.0.0.1 = f5ff:fffe
    assertTrue(refusalOfAddress("2001:0:4136:e378:8000:63bf:f5ff:fffe").isPresent());
  }

  @Test
  void resolvesRelativeRedirectsAgainstTheCurrentUrl() {
    TargetUrl from = TargetUrl.parse("http://example.com:8080/a/b?x=1");
    assertEquals("http://example.com:8080/a/c", from.resolve("c").toString());
    assertEquals("http://example.com:8080/d", from.resolve("/d").toString());
    assertEquals("https://other.org/e", from.resolve("https://other.org/e").toString());
    assertEquals("127.0.0.1", from.resolve("//0x7f.1/").host().name());
  }

  /** The one check of a URL a user gives (subscriptions, OPML, URL ingest), before any request. */
  @Nested
  class BeforeFetch {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "ftp://example.com/feed",
          "example.com/feed",
          "http:///feed",
          "http://user@example.com/",
          "http://example.com:99999/",
          "not a url at all",
        })
    void refusesWhatNoFetchCouldTakeEvenWithPrivateAddressesAllowed(String url) {
      assertTrue(AddressGuard.refusalBeforeFetch(url, true).isPresent(), url);
    }

    @Test
    void refusesALoopbackHostUnlessPrivateAddressesAreAllowed() {
      assertTrue(AddressGuard.refusalBeforeFetch("http://127.0.0.1:8080/feed", false).isPresent());
      assertEquals(
          Optional.empty(), AddressGuard.refusalBeforeFetch("http://127.0.0.1:8080/feed", true));
    }

    @Test
    void letsAPublicNameThrough() {
      assertEquals(
          Optional.empty(), AddressGuard.refusalBeforeFetch("https://example.com/feed.xml", false));
    }
  }
}
