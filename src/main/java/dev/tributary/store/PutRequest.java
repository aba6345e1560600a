package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.stories.StorySketch;

/**
 * One article for {@link Store#putBatch}, and the body of a {@code tributary.store.put} request:
 * the article, with what the pipeline worked out for it on its own workers — its dedup hash and its
 * story sketch, both pure functions of its text. Made there, in parallel, they leave the one
 * writer's time to the writes.
 *
 * @param contentHash {@link ArticleIds#contentHash} of the article's text, or null for the store to
 *     make it
 * @param sketch {@link StorySketch#of} the article's text, or null for the store to make it (when
 *     story detection is on)
 */
public record PutRequest(Article article, String contentHash, StorySketch sketch) {
  /** The article alone: the store works out the rest on the writer. */
  public static PutRequest of(Article article) {
    return new PutRequest(article, null, null);
  }

  /** The text's dedup hash, as given or made now. */
  public String hash() {
    return contentHash != null ? contentHash : ArticleIds.contentHash(article.text());
  }
}
