package dev.tributary.publish;

import dev.tributary.article.Article;
import java.util.List;
import java.util.Objects;

/**
 * One article to render, as a public feed shows it or as a reader stream does.
 *
 * @param entryId the entry's id, or null for the feed id of the article ({@link FeedIds#entryId})
 * @param categories the entry's Atom categories, or null for its topics
 */
public record FeedItem(Article article, String entryId, List<FeedCategory> categories) {
  public FeedItem {
    Objects.requireNonNull(article, "article");
    if (categories != null) categories = List.copyOf(categories);
  }

  /** An article as every public feed shows it. */
  public static FeedItem of(Article article) {
    return new FeedItem(article, null, null);
  }

  /** Articles as every public feed shows them. */
  public static List<FeedItem> of(List<Article> articles) {
    return articles.stream().map(FeedItem::of).toList();
  }
}
