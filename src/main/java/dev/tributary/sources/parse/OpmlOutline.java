package dev.tributary.sources.parse;

/**
 * One subscription in an OPML list.
 *
 * @param title the outline's {@code title}, else its {@code text}; may be null
 * @param xmlUrl the feed URL, never null
 * @param htmlUrl the site URL, may be null
 */
public record OpmlOutline(String title, String xmlUrl, String htmlUrl) {

  public OpmlOutline {
    if (xmlUrl == null || xmlUrl.isBlank()) {
      throw new IllegalArgumentException("an OPML subscription needs an xmlUrl");
    }
  }
}
