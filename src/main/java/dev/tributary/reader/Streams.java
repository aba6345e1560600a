package dev.tributary.reader;

import dev.tributary.sources.SourceIds;
import dev.tributary.store.ReaderScope;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google Reader stream ids (docs/ARCHITECTURE.md, "Reader apps"): {@code
 * user/-/state/com.google/reading-list} (everything), {@code …/starred}, {@code …/read}, {@code
 * …/kept-unread}; {@code feed/<source id>} as {@code subscription/list} gives them (or {@code
 * feed/<feed URL>} for a subscribed feed, Google's own form); {@code user/-/label/<label>} for a
 * topic, by its label (or slug). Any user segment is accepted in place of {@code -}, as clients
 * fill in the {@code userId} of {@code user-info}.
 */
public final class Streams {
  public static final String READING_LIST = "user/-/state/com.google/reading-list";
  static final String STATE = "state/com.google/";
  static final String READ = "read";
  static final String STARRED = "starred";
  static final String KEPT_UNREAD = "kept-unread";
  static final String READING = "reading-list";

  /** The state of an item as a category or tag: {@code user/-/state/com.google/<name>}. */
  public static String state(String name) {
    return "user/-/" + STATE + name;
  }

  public static String feed(String sourceId) {
    return "feed/" + sourceId;
  }

  public static String label(String label) {
    return "user/-/label/" + label;
  }

  private final Map<String, String> topics;

  /**
   * @param topics the taxonomy's topics, slug → label
   */
  public Streams(Map<String, String> topics) {
    this.topics = Map.copyOf(topics);
  }

  /** The stream an id names; a {@link BadStream} for an id of no known form. */
  public Stream parse(String id) {
    String value = id == null ? "" : id.trim();
    if (value.startsWith("feed/") && value.length() > 5) {
      String source = value.substring(5);
      if (source.startsWith("http://") || source.startsWith("https://")) {
        source = SourceIds.of(source);
      }
      return new Stream(value, ReaderScope.source(source), null, null, false);
    }
    if (value.startsWith("user/")) {
      int slash = value.indexOf('/', 5);
      String rest = slash < 0 ? "" : value.substring(slash + 1);
      if (rest.startsWith(STATE)) return state(value, rest.substring(STATE.length()));
      if (rest.startsWith("label/") && rest.length() > 6) return label(value, rest.substring(6));
    }
    throw new BadStream(id);
  }

  /** The state a tag names ({@code read}, {@code starred}, …), or null when it names none. */
  static String stateName(String tag) {
    if (tag == null || !tag.startsWith("user/")) return null;
    int slash = tag.indexOf('/', 5);
    String rest = slash < 0 ? "" : tag.substring(slash + 1);
    return rest.startsWith(STATE) ? rest.substring(STATE.length()) : null;
  }

  /** The stream narrowed by {@code xt} (excluded) and {@code it} (included) states. */
  public static Stream filtered(Stream stream, List<String> excluded, List<String> included) {
    Stream filtered = stream;
    for (String tag : excluded) {
      String state = stateName(tag);
      if (state != null) filtered = filtered.excluding(state);
    }
    for (String tag : included) {
      String state = stateName(tag);
      if (state != null) filtered = filtered.including(state);
    }
    return filtered;
  }

  private Stream state(String id, String name) {
    return switch (name) {
      case READING -> new Stream(id, ReaderScope.ALL, null, null, false);
      case STARRED -> new Stream(id, ReaderScope.ALL, null, true, false);
      case READ -> new Stream(id, ReaderScope.ALL, true, null, false);
      case KEPT_UNREAD -> new Stream(id, ReaderScope.ALL, false, null, false);
      // broadcast, like, tracking-…: states Tributary does not keep hold nothing
      default -> new Stream(id, ReaderScope.ALL, null, null, true);
    };
  }

  private Stream label(String id, String label) {
    String slug = slugOf(label);
    return slug == null
        ? new Stream(id, ReaderScope.ALL, null, null, true)
        : new Stream(id, ReaderScope.topic(slug), null, null, false);
  }

  /** The topic a label names: by its label, exactly or ignoring case, or by its slug. */
  public String slugOf(String label) {
    for (Map.Entry<String, String> t : topics.entrySet()) {
      if (t.getValue().equals(label)) return t.getKey();
    }
    for (Map.Entry<String, String> t : topics.entrySet()) {
      if (t.getValue().toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
        return t.getKey();
      }
    }
    return topics.containsKey(label) ? label : null;
  }

  /** A stream id of no known form. */
  public static final class BadStream extends IllegalArgumentException {
    BadStream(String id) {
      super(
          "not a stream id: '"
              + ItemIds.shorten(id)
              + "' (expected feed/<source>, user/-/label/<topic> or"
              + " user/-/state/com.google/reading-list, starred, read)");
    }
  }
}
