package dev.tributary.http;

import dev.tributary.publish.FeedSpec;
import java.time.Instant;
import java.util.Map;

/**
 * What the HTTP side needs to know of the site: its public URL and title, the feed size, and the
 * taxonomy's topics (slug → label, in taxonomy order).
 */
public record SiteInfo(String publicUrl, String title, int feedSize, Map<String, String> topics) {
  public SiteInfo {
    topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
  }

  FeedSpec siteFeed(Instant updated) {
    return new FeedSpec(title, "Newest articles, all topics", publicUrl, "/feed", "feed", updated);
  }

  FeedSpec topicFeed(String slug, Instant updated) {
    String label = topics.get(slug);
    return new FeedSpec(
        title + ": " + label,
        "Newest articles about " + label,
        publicUrl,
        "/topics/" + slug + "/feed",
        "topic:" + slug,
        updated);
  }
}
