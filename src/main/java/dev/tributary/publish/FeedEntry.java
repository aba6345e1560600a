package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One article as every feed format shows it: text already cleaned for XML, the link resolved, and
 * dates at whole seconds so Atom, RSS and JSON Feed agree.
 *
 * @param summary plain text, or null
 * @param contentHtml HTML, or null
 * @param author byline, or null
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
    List<String> tags) {

  static final String UNTITLED = "Untitled";

  static FeedEntry of(Article article, String publicUrl) {
    Instant ingested =
        seconds(Objects.requireNonNull(article.ingested(), "article has no ingested time"));
    Instant published = article.published() == null ? ingested : seconds(article.published());
    return new FeedEntry(
        FeedIds.entryId(article.id()),
        orElse(XmlText.clean(article.title()), UNTITLED),
        link(article, publicUrl),
        blankToNull(XmlText.clean(article.summary())),
        blankToNull(XmlText.clean(article.contentHtml())),
        blankToNull(XmlText.clean(article.author())),
        published,
        latest(published, ingested),
        article.topics().stream().map(FeedEntry::cleanTopic).toList(),
        article.tags().stream().map(XmlText::clean).filter(t -> !t.isBlank()).toList());
  }

  /** Topic slugs first, then free tags, without repeats. */
  List<String> allTags() {
    return Stream.concat(topics.stream().map(ArticleTopic::slug), tags.stream())
        .distinct()
        .toList();
  }

  private static String link(Article article, String publicUrl) {
    String url = blankToNull(XmlText.clean(article.url()));
    return url != null ? url : publicUrl + "/articles/" + article.id();
  }

  private static ArticleTopic cleanTopic(ArticleTopic topic) {
    return new ArticleTopic(
        XmlText.clean(topic.slug()), XmlText.clean(topic.label()), topic.score());
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  // An entry published "later" than we ingested it (clock skew at the source) must not look
  // updated before it was published.
  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String orElse(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
