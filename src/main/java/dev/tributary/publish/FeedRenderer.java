package dev.tributary.publish;

import dev.tributary.article.Article;
import java.util.List;

/**
 * Renders a list of articles, newest first, as Atom 1.0, RSS 2.0 or JSON Feed 1.1 (the README's API
 * table). Stateless and thread-safe; knows nothing of HTTP or Vert.x.
 */
public final class FeedRenderer {
  private final AtomFeedWriter atom = new AtomFeedWriter();
  private final RssFeedWriter rss = new RssFeedWriter();
  private final JsonFeedWriter json = new JsonFeedWriter();

  public String atom(FeedSpec spec, List<Article> articles) {
    return atom.write(spec, entries(spec, articles));
  }

  public String rss(FeedSpec spec, List<Article> articles) {
    return rss.write(spec, entries(spec, articles));
  }

  public String jsonFeed(FeedSpec spec, List<Article> articles) {
    return json.write(spec, entries(spec, articles));
  }

  public String render(FeedFormat format, FeedSpec spec, List<Article> articles) {
    return switch (format) {
      case ATOM -> atom(spec, articles);
      case RSS -> rss(spec, articles);
      case JSON -> jsonFeed(spec, articles);
    };
  }

  private static List<FeedEntry> entries(FeedSpec spec, List<Article> articles) {
    return articles.stream().map(article -> FeedEntry.of(article, spec.publicUrl())).toList();
  }
}
