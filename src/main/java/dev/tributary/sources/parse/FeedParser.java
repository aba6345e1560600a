package dev.tributary.sources.parse;

import java.nio.charset.StandardCharsets;

/**
 * Reads a fetched body as RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1. Pure and
 * thread-safe; parsing a large body is CPU work, so callers on an event loop run it on a worker.
 *
 * <p>XML goes through the pipeline CommaFeed proved: detect the encoding ({@link BodyCharset}),
 * drop characters XML cannot carry and refuse a DOCTYPE that declares anything ({@link
 * XmlCleaner}), parse with external entities and DOCTYPEs off ({@link SecureXml}), then ROME.
 */
public final class FeedParser {

  public ParsedFeed parse(byte[] body, String contentType, String feedUrl)
      throws FeedParseException {
    if (body == null || isBlank(body)) {
      throw new FeedParseException(
          FeedParseException.Reason.EMPTY,
          "The server answered with an empty body; check the feed URL.");
    }
    if (looksLikeJson(body)) {
      String json = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
      if (!json.startsWith("{")) {
        throw new FeedParseException(
            FeedParseException.Reason.NOT_A_FEED,
            "The body is a JSON array, not a JSON Feed object; check the URL.");
      }
      return JsonFeedReader.read(json, feedUrl);
    }
    String xml = XmlCleaner.clean(BodyCharset.decodeXml(body, contentType));
    if (xml.isBlank()) {
      throw new FeedParseException(
          FeedParseException.Reason.EMPTY,
          "The document holds no markup, only characters XML cannot carry.");
    }
    String root = Prolog.rootName(xml);
    if (root == null && xml.startsWith("<")) {
      throw new FeedParseException(
          FeedParseException.Reason.EMPTY,
          "The document holds an XML declaration or comments but no feed element.");
    }
    if (root == null) {
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "The body is neither XML nor JSON, so it is not a feed; check the URL.");
    }
    if (root.equalsIgnoreCase("html")) {
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "The URL serves a web page, not a feed; subscribe to the feed the page links to.");
    }
    return XmlFeedReader.read(xml, feedUrl);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0) {
        return false;
      }
    }
    return true;
  }

  /** JSON starts with {@code {} after optional white space and a UTF-8 BOM (RFC 8259: UTF-8). */
  static boolean looksLikeJson(byte[] body) {
    int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB ? 3 : 0;
    while (i < body.length
        && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    return i < body.length && (body[i] == '{' || body[i] == '[');
  }
}
