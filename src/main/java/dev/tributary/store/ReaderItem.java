package dev.tributary.store;

import dev.tributary.article.Article;
import java.time.Instant;

/**
 * One article as the reader account sees it.
 *
 * @param seq the article's sequence number: its item id in the reader APIs
 * @param article the article, or null when only ids were asked for
 * @param ingested when it was stored (the reader APIs' crawl time)
 * @param sourceId where it came from
 */
public record ReaderItem(
    long seq, Article article, Instant ingested, String sourceId, boolean read, boolean starred) {}
