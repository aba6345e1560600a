package dev.tributary.publish;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.HtmlText;
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
 * @param contentHtml HTML, or null; ends with a paragraph naming the story's other sources when it
 *     has copies
 * @param author byline, or null
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
    List<Copy> alsoIn) {

  static final String UNTITLED = "Untitled";

  /** A copy of the story from another source: the source's name and the copy's link. */
  record Copy(String source, String link) {}

  static FeedEntry of(Article article, String publicUrl) {
    Instant ingested =
        seconds(Objects.requireNonNull(article.ingested(), "article has no ingested time"));
    Instant published = article.published() == null ? ingested : seconds(article.published());
    List<Copy> copies =
        article.alsoIn().stream()
            .map(
                c ->
                    new Copy(
                        orElse(XmlText.clean(c.source().title()), c.source().id()),
                        link(isWebUrl(c.url()) ? c.url() : null, c.id(), publicUrl)))
            .toList();
    return new FeedEntry(
        FeedIds.entryId(article.id()),
        orElse(XmlText.clean(article.title()), UNTITLED),
        link(article.url(), article.id(), publicUrl),
        blankToNull(XmlText.clean(article.summary())),
        blankToNull(withCopiesNamed(XmlText.clean(article.contentHtml()), copies)),
        blankToNull(XmlText.clean(article.author())),
        published,
        latest(published, ingested),
        article.topics().stream().map(FeedEntry::cleanTopic).toList(),
        article.tags().stream().map(XmlText::clean).filter(t -> !t.isBlank()).toList(),
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

  /** The article's own URL, else its page here. */
  private static String link(String url, String articleId, String publicUrl) {
    String cleaned = blankToNull(XmlText.clean(url));
    return cleaned != null ? cleaned : publicUrl + "/articles/" + articleId;
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
