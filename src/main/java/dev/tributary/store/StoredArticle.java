package dev.tributary.store;

import dev.tributary.article.Article;

/** The store's answer to a put: the article as stored, and whether it is new or a duplicate. */
public record StoredArticle(Article article, boolean created) {}
