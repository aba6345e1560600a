package dev.tributary.http;

import dev.tributary.publish.FeedSpec;
import java.time.Instant;
import java.util.Map;

/**
 * What the HTTP side needs to know of the site: its public URL and title, the feed size, and the
 * taxonomy's topics (slug → label, in taxonomy order), which change when the taxonomy file is
 * reloaded. Shared by all HTTP verticle instances; the topics map is replaced whole.
 */
public final class SiteInfo {
  private final String publicUrl;
  private final String title;
  private final int feedSize;
  private volatile Map<String, String> topics;

  public SiteInfo(String publicUrl, String title, int feedSize, Map<String, String> topics) {
    this.publicUrl = publicUrl;
    this.title = title;
    this.feedSize = feedSize;
    replaceTopics(topics);
  }

  public String publicUrl() {
    return publicUrl;
  }

  public String title() {
    return title;
  }

  public int feedSize() {
    return feedSize;
  }

  /** The current topics, slug → label, in taxonomy order. */
  public Map<String, String> topics() {
    return topics;
  }

  public void replaceTopics(Map<String, String> newTopics) {
    topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newTopics));
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
