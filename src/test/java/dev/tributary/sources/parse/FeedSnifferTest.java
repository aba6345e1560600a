package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedSnifferTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void feedMediaTypeIsEnough() {
    assertTrue(FeedSniffer.looksLikeFeed(new byte[0], "application/atom+xml; charset=utf-8"));
  }

  @Test
  void rssServedAsTextXmlIsAFeed() {
    assertTrue(
        FeedSniffer.looksLikeFeed(
            bytes("<?xml version='1.0'?>\n<!-- hi --><rss version='2.0'>"), "text/xml"));
  }

  @Test
  void atomAndRdfRootsAreFeeds() {
    assertTrue(
        FeedSniffer.looksLikeFeed(bytes("<feed xmlns='http://www.w3.org/2005/Atom'>"), null));
    assertTrue(FeedSniffer.looksLikeFeed(bytes("<rdf:RDF xmlns:rdf='x'>"), "application/xml"));
  }

  @Test
  void jsonFeedIsAFeedButOtherJsonIsNot() {
    assertTrue(
        FeedSniffer.looksLikeFeed(
            bytes("{\"version\":\"https://jsonfeed.org/version/1.1\"}"), "application/json"));
    assertFalse(FeedSniffer.looksLikeFeed(bytes("{\"name\":\"x\"}"), "application/json"));
  }

  @Test
  void htmlPageIsNotAFeed() {
    assertFalse(FeedSniffer.looksLikeFeed(bytes("<!DOCTYPE html><html><body>"), "text/html"));
    assertFalse(FeedSniffer.looksLikeFeed(bytes("plain words"), "text/plain"));
  }
}
