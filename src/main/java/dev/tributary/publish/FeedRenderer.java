package dev.tributary.publish;

import java.util.List;

/**
 * Renders a list of articles, newest first, as Atom 1.0, RSS 2.0 or JSON Feed 1.1 (the README's API
 * table). Stateless and thread-safe; knows nothing of HTTP or Vert.x.
 */
public final class FeedRenderer {
  private final AtomFeedWriter atom = new AtomFeedWriter();
  private final RssFeedWriter rss = new RssFeedWriter();
  private final JsonFeedWriter json = new JsonFeedWriter();

  public String atom(FeedSpec spec, List<FeedItem> items) {
    return atom.write(spec, entries(spec, items));
  }

  public String rss(FeedSpec spec, List<FeedItem> items) {
    return rss.write(spec, entries(spec, items));
  }

  public String jsonFeed(FeedSpec spec, List<FeedItem> items) {
    return json.write(spec, entries(spec, items));
  }

  public String render(FeedFormat format, FeedSpec spec, List<FeedItem> items) {
    return switch (format) {
      case ATOM -> atom(spec, items);
      case RSS -> rss(spec, items);
      case JSON -> jsonFeed(spec, items);
    };
  }

  private static List<FeedEntry> entries(FeedSpec spec, List<FeedItem> items) {
    return items.stream().map(item -> FeedEntry.of(item, spec.publicUrl())).toList();
  }
}
