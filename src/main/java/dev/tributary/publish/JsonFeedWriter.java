package dev.tributary.publish;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
final class JsonFeedWriter {
  static final String VERSION = "https://jsonfeed.org/version/1.1";

  String write(FeedSpec spec, List<FeedEntry> entries) {
    JsonObject feed =
        new JsonObject()
            .put("version", VERSION)
            .put("title", XmlText.clean(spec.title()))
            .put("home_page_url", spec.homePageUrl())
            .put("feed_url", spec.feedUrl(FeedFormat.JSON));
    String older = spec.olderUrl(FeedFormat.JSON);
    if (older != null) feed.put("next_url", older);
    if (!spec.subtitle().isBlank()) {
      feed.put("description", XmlText.clean(spec.subtitle()));
    }
    JsonArray items = new JsonArray();
    entries.forEach(entry -> items.add(item(entry)));
    return feed.put("items", items).encodePrettily();
  }

  private static JsonObject item(FeedEntry entry) {
    JsonObject item =
        new JsonObject().put("id", entry.id()).put("url", entry.link()).put("title", entry.title());
    // JSON Feed requires content_html or content_text on every item.
    if (entry.contentHtml() != null) {
      item.put("content_html", entry.contentHtml());
    } else {
      item.put("content_text", entry.summary() == null ? "" : entry.summary());
    }
    if (entry.summary() != null) {
      item.put("summary", entry.summary());
    }
    if (entry.published() != null) item.put("date_published", entry.published().toString());
    item.put("date_modified", EntryTimes.rfc3339(entry.updated()));
    List<String> tags = entry.allTags();
    if (!tags.isEmpty()) {
      item.put("tags", new JsonArray(tags));
    }
    if (entry.author() != null) {
      item.put("authors", new JsonArray().add(new JsonObject().put("name", entry.author())));
    }
    return item;
  }
}
