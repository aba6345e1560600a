package dev.tributary.extract;

import dev.tributary.article.Format;

/**
 * Turns a decoded document body into an article: title, sanitised HTML, plain text, summary and
 * tags. Pure and thread-safe; large bodies should be extracted off the event loop.
 */
public final class ArticleExtractor {

  private final FormatExtractor text = new PlainTextExtractor();
  private final FormatExtractor markdown;
  private final FormatExtractor html;

  public ArticleExtractor() {
    HtmlSanitizer sanitizer = new HtmlSanitizer();
    this.markdown = new MarkdownExtractor(sanitizer);
    this.html = new HtmlExtractor(sanitizer);
  }

  /**
   * The article in {@code body}.
   *
   * @param titleHint a title given by the input (HTTP query, feed entry); when not blank it wins
   *     over the document's own title, and copies of it are still dropped from the body
   * @throws ExtractionException when the body holds no readable text
   */
  public ExtractedArticle extract(Format format, String body, String titleHint)
      throws ExtractionException {
    String normalised = normalise(body);
    if (normalised.isBlank()) throw new ExtractionException("no readable text: the body is empty");
    FormatExtractor extractor =
        switch (format) {
          case TEXT -> text;
          case MARKDOWN -> markdown;
          case HTML -> html;
        };
    return extractor.extract(normalised, titleHint);
  }

  /** Callers that skipped {@link dev.tributary.ingest.BodyDecoder} still get LF-only text. */
  private static String normalise(String body) {
    if (body == null) return "";
    String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
