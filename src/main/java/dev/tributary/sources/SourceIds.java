package dev.tributary.sources;

import dev.tributary.article.ArticleIds;

/** A source's id: stable, derived from its feed URL, so re-subscribing finds the same source. */
public final class SourceIds {
  private SourceIds() {}

  public static String of(String feedUrl) {
    return "s" + ArticleIds.forUrl("source:" + feedUrl.trim()).substring(0, 12);
  }
}
