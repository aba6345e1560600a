package dev.tributary.sources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as it may appear in a log line or an error text: without its query, fragment and user info.
 * Private feeds carry their access tokens there ({@code ?token=…}, {@code user:pass@}), and a log
 * is read by more people, and kept longer, than the source list. Pure; never fails, also on text
 * that is not a URL at all, because it is called on whatever a user or a server sent.
 */
public final class RedactedUrl {

  /** scheme, then an authority whose user info (up to the last '@' before the path) is dropped. */
  private static final Pattern USER_INFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:)?(//)[^/\\\\]*@");

  /** A query string inside free text: from a '?' to the next whitespace. */
  private static final Pattern QUERY_IN_TEXT = Pattern.compile("\\?\\S*");

  private RedactedUrl() {}

  /**
   * A message that may name a request line (the HTTP client's own: "… while executing GET
   * /feed?token=… for server …"), with every query string in it dropped.
   */
  public static String inMessage(String message) {
    return message == null ? null : QUERY_IN_TEXT.matcher(message).replaceAll("");
  }

  /** The URL without query, fragment and user info; null stays null. */
  public static String of(Object url) {
    if (url == null) return null;
    String text = url.toString();
    int cut = indexOfAny(text, '?', '#');
    String head = cut < 0 ? text : text.substring(0, cut);
    Matcher userInfo = USER_INFO.matcher(head);
    return userInfo.find()
        ? head.substring(0, userInfo.end(2)) + head.substring(userInfo.end())
        : head;
  }

  private static int indexOfAny(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == a || c == b) return i;
    }
    return -1;
  }
}
