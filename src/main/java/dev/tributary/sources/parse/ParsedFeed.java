package dev.tributary.sources.parse;

import java.util.List;

/**
 * A feed as Tributary needs it, whatever its format.
 *
 * @param title the feed's title, may be null
 * @param siteUrl the web site the feed belongs to, absolute, may be null
 * @param hubUrl the WebSub hub ({@code <link rel="hub">}), may be null
 * @param selfUrl the feed's own URL as it states it ({@code rel="self"}), may be null
 * @param ttlSeconds how often the publisher suggests polling (RSS {@code ttl} or {@code
 *     sy:updatePeriod}/{@code sy:updateFrequency}), may be null
 * @param items the entries in document order
 */
public record ParsedFeed(
    String title,
    String siteUrl,
    String hubUrl,
    String selfUrl,
    Integer ttlSeconds,
    List<FeedItem> items) {

  public ParsedFeed {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
