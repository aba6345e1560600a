package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {

  @Test
  void findsAlternateFeedsInPageOrderAsAbsoluteUrls() {
    String html =
        """
        <html><head>
          <link rel="stylesheet" type="text/css" href="/style.css">
          <link rel="alternate" type="application/rss+xml" href="/feed.rss">
          <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
          <link rel="alternate" type="application/feed+json" href="https://cdn.example/f.json">
          <link rel="alternate" type="application/rss+xml" href="/feed.rss">
          <link rel="alternate" type="text/html" hreflang="de" href="/de/">
        </head><body><a rel="alternate" type="application/rss+xml" href="/no.rss">x</a></body></html>
        """;
    assertEquals(
        List.of(
            "https://example.org/feed.rss",
            "https://example.org/blog/atom.xml",
            "https://cdn.example/f.json"),
        FeedDiscovery.discover(html, "https://example.org/blog/"));
  }

  @Test
  void honoursBaseHref() {
    String html =
        "<head><base href='https://other.example/x/'>"
            + "<link rel='alternate' type='application/atom+xml' href='feed'></head>";
    assertEquals(
        List.of("https://other.example/x/feed"),
        FeedDiscovery.discover(html, "https://example.org/"));
  }

  @Test
  void pageWithoutFeedsFindsNothing() {
    assertEquals(List.of(), FeedDiscovery.discover("<p>hello</p>", "https://example.org/"));
    assertEquals(List.of(), FeedDiscovery.discover("", "https://example.org/"));
  }
}
