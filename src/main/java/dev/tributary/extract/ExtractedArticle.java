package dev.tributary.extract;

import java.util.List;

/**
 * What extraction makes of a document: a title, a sanitised HTML body, the same body as plain text,
 * a short plain-text summary and the free tags found in it (hashtags).
 *
 * @param paragraphs the body's paragraphs as plain text, in order (headings and list items
 *     included, the title not)
 */
public record ExtractedArticle(
    String title,
    String contentHtml,
    String plainText,
    String summary,
    List<String> paragraphs,
    List<String> tags) {

  public ExtractedArticle {
    paragraphs = List.copyOf(paragraphs);
    tags = List.copyOf(tags);
  }
}
