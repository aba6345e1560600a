package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.HtmlText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One article as every feed format shows it: text already cleaned for XML, the link resolved, and
 * its dates chosen by {@link EntryTimes}.
 *
 * @param summary plain text, or null
 * @param contentHtml HTML, or null; ends with a paragraph naming the story's other sources when it
 *     has copies
 * @param author byline, or null
 * @param published whole seconds, or null when the article's date is implausible
 * @param updated to the millisecond, distinct within a feed (see {@link EntryTimes})
 * @param categories the Atom categories: the topics, or what the item asked for
 * @param alsoIn the story's copies from other sources, each named and linked
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
    List<FeedCategory> categories,
    List<Copy> alsoIn) {

  static final String UNTITLED = "Untitled";

  /** A copy of the story from another source: the source's name and the copy's link. */
  record Copy(String source, String link) {}

  static FeedEntry of(FeedItem item, String publicUrl) {
    Article article = item.article();
    Objects.requireNonNull(article.ingested(), "article has no ingested time");
    List<ArticleTopic> topics = article.topics().stream().map(FeedEntry::cleanTopic).toList();
    List<Copy> copies =
        article.alsoIn().stream()
            .map(
                c ->
                    new Copy(
                        orElse(XmlText.clean(c.source().title()), c.source().id()),
                        link(isWebUrl(c.url()) ? c.url() : null, c.id(), publicUrl)))
            .toList();
    return new FeedEntry(
        item.entryId() != null ? item.entryId() : FeedIds.entryId(article.id()),
        orElse(XmlText.clean(article.title()), UNTITLED),
        FeedIds.link(article, publicUrl),
        blankToNull(XmlText.clean(article.summary())),
        blankToNull(withCopiesNamed(XmlText.clean(article.contentHtml()), copies)),
        blankToNull(XmlText.clean(article.author())),
        EntryTimes.published(article),
        EntryTimes.updated(article),
        topics,
        article.tags().stream().map(XmlText::clean).filter(t -> !t.isBlank()).toList(),
        item.categories() != null
            ? item.categories()
            : topics.stream().map(t -> new FeedCategory(null, t.slug(), t.label())).toList(),
        copies);
  }

  /** The body, and after it a paragraph naming and linking the story's other sources. */
  private static String withCopiesNamed(String contentHtml, List<Copy> copies) {
    if (copies.isEmpty()) return contentHtml;
    StringBuilder html = new StringBuilder(contentHtml == null ? "" : contentHtml);
    html.append("<p class=\"also-in\">Also in: ");
    for (int i = 0; i < copies.size(); i++) {
      if (i > 0) html.append(", ");
      html.append("<a href=\"")
          .append(HtmlText.escape(copies.get(i).link()))
          .append("\">")
          .append(HtmlText.escape(copies.get(i).source()))
          .append("</a>");
    }
    return html.append("</p>").toString();
  }

  /** Topic slugs first, then free tags, without repeats. */
  List<String> allTags() {
    return Stream.concat(topics.stream().map(ArticleTopic::slug), tags.stream())
        .distinct()
        .toList();
  }

  private static boolean isWebUrl(String url) {
    return url != null && url.matches("(?i)https?://\\S+");
  }

  /** A copy's own URL, else its page here. */
  private static String link(String url, String articleId, String publicUrl) {
    String cleaned = blankToNull(XmlText.clean(url));
    return cleaned != null
        ? cleaned
        : (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
            + "/articles/"
            + articleId;
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
