package dev.tributary.reader;

import dev.tributary.article.Article;
import dev.tributary.publish.FeedIds;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderSources;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Fever API's answers (API version 3): groups are Tributary's topics, feeds its sources; a
 * source is in a topic's group when any of its articles carries the topic (Fever groups hold feeds,
 * not items). Ids lists are comma-separated strings, as Fever's were.
 */
public final class FeverJson {
  public static final int API_VERSION = 3;

  private final String publicUrl;
  private final Map<String, String> topics;

  /**
   * @param topics the taxonomy's topics, slug → label, in order
   */
  public FeverJson(String publicUrl, Map<String, String> topics) {
    this.publicUrl = publicUrl;
    this.topics = topics;
  }

  /** What every answer carries; {@code auth} 0 when the key was wrong. */
  public static JsonObject base(boolean authenticated, Instant now) {
    JsonObject base =
        new JsonObject().put("api_version", API_VERSION).put("auth", authenticated ? 1 : 0);
    if (authenticated) base.put("last_refreshed_on_time", now.getEpochSecond());
    return base;
  }

  public JsonArray groups(FeverIds ids) {
    JsonArray groups = new JsonArray();
    topics.forEach(
        (slug, label) ->
            groups.add(new JsonObject().put("id", ids.group(slug)).put("title", label)));
    return groups;
  }

  /** For each topic with sources: its group number and their feed numbers. */
  public JsonArray feedsGroups(ReaderSources sources, FeverIds ids) {
    JsonArray groups = new JsonArray();
    for (String slug : topics.keySet()) {
      String feeds =
          sources.items().stream()
              .filter(s -> s.topics().contains(slug))
              .map(s -> Integer.toString(ids.feed(s.id())))
              .collect(Collectors.joining(","));
      if (!feeds.isEmpty()) {
        groups.add(new JsonObject().put("group_id", ids.group(slug)).put("feed_ids", feeds));
      }
    }
    return groups;
  }

  public JsonArray feeds(ReaderSources sources, FeverIds ids) {
    JsonArray feeds = new JsonArray();
    for (ReaderSources.Entry s : sources.items()) {
      feeds.add(
          new JsonObject()
              .put("id", ids.feed(s.id()))
              .put("favicon_id", 0)
              .put("title", s.title() == null || s.title().isBlank() ? s.id() : s.title())
              .put("url", s.feedUrl() != null ? s.feedUrl() : publicUrl + "/")
              .put("site_url", s.siteUrl() != null ? s.siteUrl() : publicUrl + "/")
              .put("is_spark", 0)
              .put("last_updated_on_time", s.newest() == null ? 0 : s.newest().getEpochSecond()));
    }
    return feeds;
  }

  public JsonArray items(List<ReaderItem> page, FeverIds ids) {
    JsonArray items = new JsonArray();
    for (ReaderItem item : page) {
      Article a = item.article();
      items.add(
          new JsonObject()
              .put("id", item.seq())
              .put("feed_id", ids.feed(item.sourceId()))
              .put("title", a.title())
              .put("author", a.author() == null ? "" : a.author())
              .put("html", a.contentHtml())
              .put("url", FeedIds.link(a, publicUrl))
              .put("is_saved", item.starred() ? 1 : 0)
              .put("is_read", item.read() ? 1 : 0)
              .put("created_on_time", a.published().getEpochSecond()));
    }
    return items;
  }

  /** Item ids as Fever lists them: "1,2,3". */
  public static String idList(List<ReaderItem> items) {
    List<String> ids = new ArrayList<>(items.size());
    for (ReaderItem item : items) ids.add(Long.toString(item.seq()));
    return String.join(",", ids);
  }
}
