package dev.tributary.sources.parse;

import dev.tributary.extract.DateText;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with a JSON parser. */
final class JsonFeedReader {

  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

  private JsonFeedReader() {}

  static ParsedFeed read(String json, String feedUrl) throws FeedParseException {
    JsonObject feed = object(json);
    String version = string(feed, "version");
    if (version == null || !version.replace("http://", "https://").startsWith(VERSION_PREFIX)) {
      throw new FeedParseException(
          FeedParseException.Reason.NOT_A_FEED,
          "The document is JSON but not a JSON Feed: it has no \"version\" of "
              + VERSION_PREFIX
              + "1 or 1.1.");
    }
    String base = feedUrl;
    String selfUrl = Urls.resolve(feedUrl, string(feed, "feed_url"));
    List<FeedItem> items = new ArrayList<>();
    JsonArray entries = array(feed, "items");
    for (int i = 0; i < entries.size(); i++) {
      if (entries.getValue(i) instanceof JsonObject entry) {
        items.add(item(entry, base, author(feed)));
      }
    }
    return new ParsedFeed(
        string(feed, "title"),
        Urls.resolve(base, string(feed, "home_page_url")),
        hub(feed, base),
        selfUrl,
        null,
        items);
  }

  private static JsonObject object(String json) throws FeedParseException {
    try {
      return new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      throw new FeedParseException(
          FeedParseException.Reason.MALFORMED,
          "The JSON Feed is not valid JSON: " + e.getMessage(),
          e);
    }
  }

  private static FeedItem item(JsonObject entry, String base, String feedAuthor) {
    String url = Urls.resolve(base, string(entry, "url"));
    if (url == null) {
      url = Urls.resolve(base, string(entry, "external_url"));
    }
    String published = string(entry, "date_published");
    if (published == null) {
      published = string(entry, "date_modified");
    }
    String author = author(entry);
    return new FeedItem(
        idOf(entry),
        url,
        string(entry, "title"),
        content(entry),
        author != null ? author : feedAuthor,
        DateText.parse(published),
        tags(entry));
  }

  /** JSON Feed 1.0 says ids are strings, yet feeds send numbers; both are kept as text. */
  private static String idOf(JsonObject entry) {
    Object id = entry.getValue("id");
    return id == null ? null : String.valueOf(id);
  }

  private static String content(JsonObject entry) {
    String html = string(entry, "content_html");
    if (html != null) {
      return html;
    }
    String text = string(entry, "content_text");
    if (text == null) {
      text = string(entry, "summary");
    }
    return text == null
        ? null
        : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** 1.1 {@code authors[]} first, then 1.0 {@code author}. */
  private static String author(JsonObject owner) {
    JsonArray authors = array(owner, "authors");
    for (int i = 0; i < authors.size(); i++) {
      if (authors.getValue(i) instanceof JsonObject person && string(person, "name") != null) {
        return string(person, "name");
      }
    }
    return owner.getValue("author") instanceof JsonObject person ? string(person, "name") : null;
  }

  private static String hub(JsonObject feed, String base) {
    JsonArray hubs = array(feed, "hubs");
    for (int i = 0; i < hubs.size(); i++) {
      if (hubs.getValue(i) instanceof JsonObject hub && string(hub, "url") != null) {
        return Urls.resolve(base, string(hub, "url"));
      }
    }
    return null;
  }

  private static List<String> tags(JsonObject entry) {
    Set<String> tags = new LinkedHashSet<>();
    JsonArray array = array(entry, "tags");
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String tag && !tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return List.copyOf(tags);
  }

  private static String string(JsonObject object, String key) {
    Object value = object.getValue(key);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static JsonArray array(JsonObject object, String key) {
    return object.getValue(key) instanceof JsonArray a ? a : new JsonArray();
  }
}
