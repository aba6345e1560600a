package dev.tributary.sources.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a feed from a web page without parsing it: by the media type when it is a feed type, else
 * by the root element ({@code rss}, {@code feed}, {@code rdf:RDF}) or a JSON Feed version. Used to
 * answer "subscribe to this as a source instead" when an article URL turns out to be a feed.
 */
public final class FeedSniffer {

  private static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/feed+json",
          "application/rdf+xml",
          "application/x-rss+xml",
          "application/x-atom+xml");
  private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf", "channel");
  private static final int HEAD_BYTES = 4096;

  private FeedSniffer() {}

  public static boolean looksLikeFeed(byte[] body, String contentType) {
    String mediaType = mediaType(contentType);
    if (FEED_TYPES.contains(mediaType)) {
      return true;
    }
    if (body == null || body.length == 0) {
      return false;
    }
    byte[] head = body.length <= HEAD_BYTES ? body : java.util.Arrays.copyOf(body, HEAD_BYTES);
    if (FeedParser.looksLikeJson(head)) {
      return new String(head, StandardCharsets.UTF_8).contains("jsonfeed.org/version/");
    }
    String root = rootName(head, contentType);
    if (root == null) {
      return false;
    }
    int colon = root.indexOf(':');
    String local = (colon < 0 ? root : root.substring(colon + 1)).toLowerCase(Locale.ROOT);
    return FEED_ROOTS.contains(local);
  }

  private static String rootName(byte[] head, String contentType) {
    try {
      return Prolog.rootName(
          XmlCleaner.withoutInvalidCharacters(BodyCharset.decodeXml(head, contentType)));
    } catch (FeedParseException e) {
      return null;
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }
}
