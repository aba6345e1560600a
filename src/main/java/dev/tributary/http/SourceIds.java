package dev.tributary.http;

import dev.tributary.article.ArticleIds;

/** A source's id: stable, derived from its feed URL, so re-subscribing finds the same source. */
final class SourceIds {
  private SourceIds() {}

  static String of(String feedUrl) {
    return "s" + ArticleIds.forUrl("source:" + feedUrl.trim()).substring(0, 12);
  }
}
