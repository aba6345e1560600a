package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One article as every feed format shows it: text already cleaned for XML, the link resolved, and
 * its dates chosen by {@link EntryTimes}.
 *
 * @param summary plain text, or null
 * @param contentHtml HTML, or null
 * @param author byline, or null
 * @param published whole seconds, or null when the article's date is implausible
 * @param updated to the millisecond, distinct within a feed (see {@link EntryTimes})
 * @param categories the Atom categories: the topics, or what the item asked for
 */
record FeedEntry(
    String id,
    String title,
    String link,
    String summary,
    String contentHtml,
    String author,
    Instant published,
    Instant updated,
    List<ArticleTopic> topics,
    List<String> tags,
    List<FeedCategory> categories) {

  static final String UNTITLED = "Untitled";

  static FeedEntry of(FeedItem item, String publicUrl) {
    Article article = item.article();
    Objects.requireNonNull(article.ingested(), "article has no ingested time");
    List<ArticleTopic> topics = article.topics().stream().map(FeedEntry::cleanTopic).toList();
    return new FeedEntry(
        item.entryId() != null ? item.entryId() : FeedIds.entryId(article.id()),
        orElse(XmlText.clean(article.title()), UNTITLED),
        FeedIds.link(article, publicUrl),
        blankToNull(XmlText.clean(article.summary())),
        blankToNull(XmlText.clean(article.contentHtml())),
        blankToNull(XmlText.clean(article.author())),
        EntryTimes.published(article),
        EntryTimes.updated(article),
        topics,
        article.tags().stream().map(XmlText::clean).filter(t -> !t.isBlank()).toList(),
        item.categories() != null
            ? item.categories()
            : topics.stream().map(t -> new FeedCategory(null, t.slug(), t.label())).toList());
  }

  /** Topic slugs first, then free tags, without repeats. */
  List<String> allTags() {
    return Stream.concat(topics.stream().map(ArticleTopic::slug), tags.stream())
        .distinct()
        .toList();
  }

  private static ArticleTopic cleanTopic(ArticleTopic topic) {
    return new ArticleTopic(
        XmlText.clean(topic.slug()), XmlText.clean(topic.label()), topic.score());
  }

  private static String orElse(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
