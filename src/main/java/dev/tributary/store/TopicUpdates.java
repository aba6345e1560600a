package dev.tributary.store;

import dev.tributary.article.ArticleTopic;
import java.util.List;
import java.util.Map;

/** New topics for stored articles, by article id: what a re-tag writes back. */
public record TopicUpdates(Map<String, List<ArticleTopic>> byArticleId) {
  public TopicUpdates {
    byArticleId = Map.copyOf(byArticleId);
  }
}
