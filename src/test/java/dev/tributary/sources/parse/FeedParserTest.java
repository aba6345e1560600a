package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private static final String FEED_URL = "https://example.org/blog/feed.xml";
  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String body) throws FeedParseException {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), null, FEED_URL);
  }

  private FeedParseException.Reason refusal(byte[] body, String contentType) {
    return assertThrows(FeedParseException.class, () -> parser.parse(body, contentType, FEED_URL))
        .reason();
  }

  @Nested
  class Rss {
    private static final String RSS =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Example blog</title>
            <link>/</link>
            <atom:link rel="hub" href="https://hub.example.net/"/>
            <atom:link rel="self" href="https://example.org/blog/feed.xml"/>
            <ttl>30</ttl>
            <item>
              <title>First</title>
              <link>posts/1</link>
              <guid isPermaLink="false">post-1</guid>
              <description>short</description>
              <content:encoded><![CDATA[<p>long</p>]]></content:encoded>
              <dc:creator>Ann</dc:creator>
              <category>rivers</category><category>rivers</category><category>lakes</category>
              <pubDate>Tue, 03 Jun 2008 09:39:21 GMT</pubDate>
            </item>
            <item>
              <link>https://example.org/posts/2</link>
              <description>second</description>
            </item>
          </channel>
        </rss>
        """;

    @Test
    void mapsChannelAndItems() throws FeedParseException {
      ParsedFeed feed = parse(RSS);
      assertEquals("Example blog", feed.title());
      assertEquals("https://example.org/", feed.siteUrl());
      assertEquals("https://hub.example.net/", feed.hubUrl());
      assertEquals(FEED_URL, feed.selfUrl());
      assertEquals(1800, feed.ttlSeconds());
      FeedItem first = feed.items().get(0);
      assertEquals("post-1", first.guid());
      assertEquals("https://example.org/blog/posts/1", first.url());
      assertEquals("First", first.title());
      assertEquals("Ann", first.author());
      assertEquals(List.of("rivers", "lakes"), first.categories());
      assertEquals(Instant.parse("2008-06-03T09:39:21Z"), first.published());
    }

    @Test
    void prefersContentEncodedOverDescription() throws FeedParseException {
      assertEquals("<p>long</p>", parse(RSS).items().get(0).contentHtml());
      assertEquals("second", parse(RSS).items().get(1).contentHtml());
    }

    @Test
    void itemWithoutGuidIsIdentifiedByItsLink() throws FeedParseException {
      assertEquals("https://example.org/posts/2", parse(RSS).items().get(1).identity());
    }

    @Test
    void itemWithoutGuidOrLinkIsIdentifiedByAContentHash() throws FeedParseException {
      String rss =
          "<rss version='2.0'><channel><item><title>t</title><description>d</description>"
              + "</item></channel></rss>";
      String identity = parse(rss).items().get(0).identity();
      assertTrue(identity.startsWith("sha256:"), identity);
      assertEquals(identity, parse(rss).items().get(0).identity());
    }

    @Test
    void syndicationModuleGivesThePollingHint() throws FeedParseException {
      String rdf =
          """
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
              xmlns="http://purl.org/rss/1.0/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://example.org/"><title>t</title><link>https://example.org/</link>
              <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
            </channel>
            <item rdf:about="https://example.org/1"><title>one</title><link>https://example.org/1</link></item>
          </rdf:RDF>
          """;
      ParsedFeed feed = parse(rdf);
      assertEquals(1800, feed.ttlSeconds());
      assertEquals("https://example.org/1", feed.items().get(0).guid());
    }

    @Test
    void unreadableDateIsNullNotAnError() throws FeedParseException {
      String rss =
          "<rss version='2.0'><channel><item><guid>g</guid><pubDate>soon</pubDate></item>"
              + "</channel></rss>";
      assertNull(parse(rss).items().get(0).published());
    }

    @Test
    void netscapeDoctypeIsDroppedWithoutFetchingIt() throws FeedParseException {
      String rss =
          "<?xml version='1.0'?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS"
              + " 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
              + "<rss version='0.91'><channel><title>Old</title></channel></rss>";
      assertEquals("Old", parse(rss).title());
    }
  }

  @Nested
  class Atom {
    @Test
    void resolvesLinksAgainstNestedXmlBase() throws FeedParseException {
      String atom =
          """
          <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/root/">
            <title>t</title><link rel="hub" href="/hub"/>
            <entry xml:base="entries/">
              <id>urn:1</id><title>one</title><link href="one.html"/>
              <summary>sum</summary><content type="html">&lt;b&gt;full&lt;/b&gt;</content>
              <updated>2024-02-29T12:00:00+01:00</updated>
            </entry>
          </feed>
          """;
      ParsedFeed feed = parse(atom);
      assertEquals("https://example.com/hub", feed.hubUrl());
      FeedItem entry = feed.items().get(0);
      assertEquals("https://example.com/root/entries/one.html", entry.url());
      assertEquals("urn:1", entry.guid());
      assertEquals("<b>full</b>", entry.contentHtml());
      assertEquals(Instant.parse("2024-02-29T11:00:00Z"), entry.published());
    }

    @Test
    void plainTextContentIsEscapedIntoHtml() throws FeedParseException {
      String atom =
          "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>x</id>"
              + "<content type='text'>a &lt; b</content></entry></feed>";
      assertEquals("a &lt; b", parse(atom).items().get(0).contentHtml());
    }
  }

  @Nested
  class JsonFeed {
    @Test
    void readsVersion11WithAuthorsHubsAndTags() throws FeedParseException {
      String json =
          """
          {"version": "https://jsonfeed.org/version/1.1", "title": "J",
           "home_page_url": "https://example.org/", "hubs": [{"type": "WebSub", "url": "https://hub.example/"}],
           "items": [{"id": 42, "url": "/p/42", "content_html": "<p>x</p>", "content_text": "x",
                      "authors": [{"name": "Bo"}], "tags": ["a", "b"],
                      "date_published": "2020-01-02T03:04:05Z"}]}
          """;
      ParsedFeed feed = parse(json);
      assertEquals("https://hub.example/", feed.hubUrl());
      FeedItem item = feed.items().get(0);
      assertEquals("42", item.guid());
      assertEquals("https://example.org/p/42", item.url());
      assertEquals("<p>x</p>", item.contentHtml());
      assertEquals("Bo", item.author());
      assertEquals(List.of("a", "b"), item.categories());
      assertEquals(Instant.parse("2020-01-02T03:04:05Z"), item.published());
    }

    @Test
    void jsonWithoutAFeedVersionIsNotAFeed() {
      assertEquals(
          FeedParseException.Reason.NOT_A_FEED,
          refusal("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    @Test
    void brokenJsonIsMalformed() {
      assertEquals(
          FeedParseException.Reason.MALFORMED,
          refusal("{\"version\": ".getBytes(StandardCharsets.UTF_8), null));
    }
  }

  @Nested
  class Refusals {
    @Test
    void emptyBodyIsEmpty() {
      assertEquals(FeedParseException.Reason.EMPTY, refusal(new byte[0], null));
      assertEquals(FeedParseException.Reason.EMPTY, refusal(" \n ".getBytes(), null));
    }

    @Test
    void webPageIsNotAFeed() {
      byte[] html = "<!DOCTYPE html><html><head></head></html>".getBytes();
      assertEquals(FeedParseException.Reason.NOT_A_FEED, refusal(html, "text/html"));
    }

    @Test
    void internalEntityDeclarationIsHostile() {
      byte[] xml =
          "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaa'>]><rss>&a;</rss>".getBytes();
      assertEquals(FeedParseException.Reason.HOSTILE, refusal(xml, null));
    }

    @Test
    void unknownDeclaredEncodingWithNonAsciiBytesIsUnsupported() {
      byte[] head = "<?xml version='1.0' encoding='x-martian'?><rss><channel><title>".getBytes();
      byte[] body = new byte[head.length + 2];
      System.arraycopy(head, 0, body, 0, head.length);
      body[head.length] = (byte) 0xC3;
      body[head.length + 1] = (byte) 0x28;
      assertEquals(FeedParseException.Reason.UNSUPPORTED_ENCODING, refusal(body, null));
    }

    @Test
    void controlCharactersAreDroppedRatherThanFatal() throws FeedParseException {
      assertEquals(
          "ab",
          parse("<rss version='2.0'><channel><title>a\u0001b</title></channel></rss>").title());
    }

    @Test
    void truncatedDocumentIsMalformed() {
      byte[] xml = "<rss version='2.0'><channel><title>cut".getBytes();
      assertEquals(FeedParseException.Reason.MALFORMED, refusal(xml, null));
    }
  }
}
