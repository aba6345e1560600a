package dev.tributary.extract.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} values by key, whether the key is given as {@code property} (Open Graph),
 * {@code name} (Twitter, Dublin Core, plain) or {@code itemprop}. Keys are case-insensitive; the
 * first non-blank value of a key wins, as browsers and crawlers read them.
 */
final class MetaTags {

  private final Map<String, String> values;

  private MetaTags(Map<String, String> values) {
    this.values = values;
  }

  static MetaTags of(Document document) {
    Map<String, String> values = new HashMap<>();
    for (Element meta : document.select("meta[content]")) {
      String content = Texts.squash(meta.attr("content"));
      if (content == null) continue;
      for (String attribute : new String[] {"property", "name", "itemprop"}) {
        for (String key : meta.attr(attribute).split("\\s+")) {
          if (!key.isEmpty()) values.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
        }
      }
    }
    return new MetaTags(values);
  }

  /** The value of the first of {@code keys} the page has; {@code null} if it has none. */
  String first(String... keys) {
    for (String key : keys) {
      String value = values.get(key.toLowerCase(Locale.ROOT));
      if (value != null) return value;
    }
    return null;
  }
}
