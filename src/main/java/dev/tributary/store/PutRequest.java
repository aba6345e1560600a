package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.stories.StorySketch;

/**
 * One article for {@link Store#putBatch}, and the body of a {@code tributary.store.put} request:
 * the article, with its story sketch when the pipeline made it on its own workers. The sketch is a
 * pure function of the article's text; made there, it keeps the one writer's time for the writes.
 *
 * @param sketch {@link StorySketch#of} the article's text, or null for the store to make it
 */
public record PutRequest(Article article, StorySketch sketch) {
  /** The article alone: the store sketches it on the writer. */
  public static PutRequest of(Article article) {
    return new PutRequest(article, null);
  }
}
