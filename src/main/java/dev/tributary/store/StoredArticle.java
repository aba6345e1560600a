package dev.tributary.store;

import dev.tributary.article.Article;

/**
 * An article as the store holds it: the article, whether this put created it (false for a
 * duplicate), and its insertion sequence number — increasing, never reused; the live stream's event
 * id.
 */
public record StoredArticle(Article article, boolean created, long seq) {}
