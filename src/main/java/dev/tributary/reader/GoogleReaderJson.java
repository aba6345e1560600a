package dev.tributary.reader;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.publish.FeedIds;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.UnreadCounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the Google Reader API (docs/ARCHITECTURE.md, "Reader apps"), in the shapes the
 * clients decode: NetNewsWire's decoders, for one, require {@code id} and {@code updated} on a
 * contents answer and {@code summary}, {@code categories} and {@code origin} on every item. Item
 * ids are long-form in contents and decimal in {@code itemRefs}, as Google's were; topics are
 * labels ({@code user/-/label/<label>}) on items and in the tag list, of type {@code tag} (labels
 * of items, not folders of feeds).
 */
public final class GoogleReaderJson {
  private final String publicUrl;
  private final Map<String, String> topics;

  /**
   * @param publicUrl this server's base URL, without trailing slash
   * @param topics the taxonomy's topics, slug → label, in order
   */
  public GoogleReaderJson(String publicUrl, Map<String, String> topics) {
    this.publicUrl = publicUrl;
    this.topics = topics;
  }

  public JsonObject userInfo(String username) {
    return new JsonObject()
        .put("userId", username)
        .put("userName", username)
        .put("userProfileId", username)
        .put("userEmail", username)
        .put("isBloggerUser", false)
        .put("signupTimeSec", 0)
        .put("isMultiLoginEnabled", false);
  }

  /** The starred state, then every topic as a label. */
  public JsonObject tagList() {
    JsonArray tags = new JsonArray().add(new JsonObject().put("id", Streams.state("starred")));
    for (String label : topics.values()) {
      tags.add(
          new JsonObject().put("id", Streams.label(label)).put("label", label).put("type", "tag"));
    }
    return new JsonObject().put("tags", tags);
  }

  /**
   * Every source as a subscription, with no folder: topics label articles, not feeds. The {@code
   * url} of a source that is not a subscribed feed is its timeline in the JSON API.
   */
  public JsonObject subscriptions(ReaderSources sources) {
    JsonArray list = new JsonArray();
    for (ReaderSources.Entry s : sources.items()) {
      JsonObject sub =
          new JsonObject()
              .put("id", Streams.feed(s.id()))
              .put("title", s.title() == null || s.title().isBlank() ? s.id() : s.title())
              .put("categories", new JsonArray())
              .put("url", s.feedUrl() != null ? s.feedUrl() : timelineOf(s.id()))
              .put("htmlUrl", s.siteUrl() != null ? s.siteUrl() : publicUrl + "/")
              .put("iconUrl", "");
      if (s.newest() != null) {
        sub.put("firstitemmsec", Long.toString(s.newest().toEpochMilli()));
      }
      list.add(sub);
    }
    return new JsonObject().put("subscriptions", list);
  }

  public JsonObject unreadCounts(UnreadCounts counts) {
    JsonArray list = new JsonArray();
    for (UnreadCounts.Count c : counts.bySource()) list.add(count(Streams.feed(c.key()), c));
    for (UnreadCounts.Count c : counts.byTopic()) {
      String label = topics.get(c.key());
      if (label != null) list.add(count(Streams.label(label), c));
    }
    if (counts.total().count() > 0) list.add(count(Streams.READING_LIST, counts.total()));
    return new JsonObject().put("max", counts.total().count()).put("unreadcounts", list);
  }

  /** {@code stream/items/ids}: decimal ids, newest first unless asked otherwise. */
  public JsonObject itemRefs(ReaderPage page) {
    JsonArray refs = new JsonArray();
    for (ReaderItem item : page.items()) {
      refs.add(
          new JsonObject()
              .put("id", Long.toString(item.seq()))
              .put("directStreamIds", new JsonArray())
              .put("timestampUsec", usec(item.ingested())));
    }
    JsonObject answer = new JsonObject().put("itemRefs", refs);
    if (page.next() > 0) answer.put("continuation", Continuation.encode(page.next()));
    return answer;
  }

  /** {@code stream/contents} and {@code stream/items/contents}. */
  public JsonObject contents(String streamId, String title, ReaderPage page, Instant now) {
    JsonArray items = new JsonArray();
    for (ReaderItem item : page.items()) items.add(item(item));
    JsonObject answer =
        new JsonObject()
            .put("direction", "ltr")
            .put("id", streamId)
            .put("title", title)
            .put("self", new JsonArray().add(new JsonObject().put("href", publicUrl + "/")))
            .put("updated", now.getEpochSecond())
            .put("items", items);
    if (page.next() > 0) answer.put("continuation", Continuation.encode(page.next()));
    return answer;
  }

  JsonObject item(ReaderItem item) {
    Article a = item.article();
    String link = FeedIds.link(a, publicUrl);
    JsonObject html = new JsonObject().put("direction", "ltr").put("content", a.contentHtml());
    JsonObject json =
        new JsonObject()
            .put("id", ItemIds.longForm(item.seq()))
            .put("crawlTimeMsec", Long.toString(item.ingested().toEpochMilli()))
            .put("timestampUsec", usec(item.ingested()))
            .put("published", a.published().getEpochSecond())
            .put("updated", item.ingested().getEpochSecond())
            .put("title", a.title())
            .put("canonical", new JsonArray().add(new JsonObject().put("href", link)))
            .put(
                "alternate",
                new JsonArray().add(new JsonObject().put("href", link).put("type", "text/html")))
            .put("summary", html)
            .put("content", html.copy())
            .put("categories", new JsonArray(categories(item)))
            .put(
                "origin",
                new JsonObject()
                    .put("streamId", Streams.feed(a.source().id()))
                    .put("title", a.source().title())
                    .put("htmlUrl", publicUrl + "/"));
    if (a.author() != null && !a.author().isBlank()) json.put("author", a.author());
    return json;
  }

  /** The item's states and its topics as labels. */
  public List<String> categories(ReaderItem item) {
    List<String> categories = new ArrayList<>();
    categories.add(Streams.READING_LIST);
    if (item.read()) categories.add(Streams.state(Streams.READ));
    if (item.starred()) categories.add(Streams.state(Streams.STARRED));
    for (ArticleTopic t : item.article().topics()) {
      categories.add(Streams.label(topics.getOrDefault(t.slug(), t.label())));
    }
    return categories;
  }

  private JsonObject count(String id, UnreadCounts.Count c) {
    return new JsonObject()
        .put("id", id)
        .put("count", c.count())
        .put("newestItemTimestampUsec", c.newest() == null ? "0" : usec(c.newest()));
  }

  private String timelineOf(String sourceId) {
    return publicUrl
        + "/api/timeline?source="
        + URLEncoder.encode(sourceId, StandardCharsets.UTF_8);
  }

  private static String usec(Instant instant) {
    return Long.toString(instant.toEpochMilli() * 1000);
  }
}
