package dev.tributary.extract;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML → article: the title from {@code <title>}, the first {@code <h1>} or og:title, the body from
 * {@code <article>}, {@code <main>} or {@code <body>}, sanitised.
 */
final class HtmlExtractor implements FormatExtractor {

  private final HtmlSanitizer sanitizer;

  HtmlExtractor(HtmlSanitizer sanitizer) {
    this.sanitizer = sanitizer;
  }

  @Override
  public ExtractedArticle extract(String body, String titleHint) throws ExtractionException {
    Document document = Jsoup.parse(body);
    String title =
        PlainTextExtractor.hasText(titleHint) ? titleHint.strip() : documentTitle(document);
    Element content = content(document);
    if (title != null) dropRepeatedTitle(content, title);

    String html = sanitizer.sanitize(content.html());
    List<Block> blocks = HtmlBlocks.of(html);
    if (title == null) title = ArticleAssembly.derivedTitle(blocks);
    return ArticleAssembly.assemble(title, html, blocks, List.of());
  }

  private static String documentTitle(Document document) {
    return Optional.of(document.title())
        .filter(PlainTextExtractor::hasText)
        .or(() -> text(document.selectFirst("h1")))
        .or(() -> attribute(document.selectFirst("meta[property=og:title]"), "content"))
        .map(title -> title.replaceAll("\\s+", " ").strip())
        .orElse(null);
  }

  private static Element content(Document document) {
    return Optional.ofNullable(document.selectFirst("article"))
        .or(() -> Optional.ofNullable(document.selectFirst("main")))
        .orElse(document.body());
  }

  private static void dropRepeatedTitle(Element content, String title) {
    RepeatedTitle repeated = new RepeatedTitle(title);
    content.select("h1, h2, h3, h4, h5, h6, p").stream()
        .filter(element -> repeated.matches(element.text()))
        .forEach(Element::remove);
  }

  private static Optional<String> text(Element element) {
    return Optional.ofNullable(element).map(Element::text).filter(PlainTextExtractor::hasText);
  }

  private static Optional<String> attribute(Element element, String name) {
    return Optional.ofNullable(element).map(e -> e.attr(name)).filter(PlainTextExtractor::hasText);
  }
}
