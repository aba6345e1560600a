package dev.tributary.sources.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One entry of a feed.
 *
 * @param guid the entry's identity, never null: see {@link #identity(String, String, String,
 *     String)}
 * @param url the entry's link, absolute (resolved against {@code xml:base} or the feed URL), may be
 *     null
 * @param title may be null
 * @param contentHtml the fullest body the feed offers ({@code content:encoded} over {@code
 *     description}, Atom {@code content} over {@code summary}), not yet sanitised, may be null
 * @param author may be null
 * @param published publication (else update) time, null when absent or unreadable
 * @param categories category or tag names, possibly empty
 */
public record FeedItem(
    String guid,
    String url,
    String title,
    String contentHtml,
    String author,
    Instant published,
    List<String> categories) {

  public FeedItem {
    guid = identity(guid, url, title, contentHtml);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** The key Tributary deduplicates entries on; the same as {@link #guid()}. */
  public String identity() {
    return guid;
  }

  /**
   * The identity rule: the feed's GUID (RSS {@code guid}, Atom {@code id}, JSON Feed {@code id})
   * when it has one; else the entry's absolute link; else {@code "sha256:"} followed by the hex
   * SHA-256 of the title and the content, so an entry with neither keeps the same identity across
   * polls as long as its text does not change.
   */
  public static String identity(String guid, String url, String title, String contentHtml) {
    if (guid != null && !guid.isBlank()) {
      return guid.strip();
    }
    if (url != null && !url.isBlank()) {
      return url.strip();
    }
    return "sha256:" + sha256(nullToEmpty(title) + "\n" + nullToEmpty(contentHtml));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
