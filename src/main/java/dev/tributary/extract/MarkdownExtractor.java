package dev.tributary.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown → article: the title is the first {@code #} heading, or a first line that reads as a
 * title; the rest is rendered with commonmark and sanitised like any HTML.
 */
final class MarkdownExtractor implements FormatExtractor {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().sanitizeUrls(true).build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private final HtmlSanitizer sanitizer;

  MarkdownExtractor(HtmlSanitizer sanitizer) {
    this.sanitizer = sanitizer;
  }

  @Override
  public ExtractedArticle extract(String body, String titleHint) throws ExtractionException {
    Node document = PARSER.parse(body);
    List<String> tags = takeTrailingHashtags(document);
    String title = takeTitle(document);
    if (PlainTextExtractor.hasText(titleHint)) title = titleHint.strip();
    if (title != null) dropRepeatedTitle(document, title);

    String html = sanitizer.sanitize(HTML.render(document));
    List<Block> blocks = HtmlBlocks.of(html);
    if (title == null) title = ArticleAssembly.derivedTitle(blocks);
    return ArticleAssembly.assemble(title, html, blocks, tags);
  }

  private static List<String> takeTrailingHashtags(Node document) {
    Node last = document.getLastChild();
    if (!(last instanceof Paragraph)) return List.of();
    Optional<List<String>> tags = Hashtags.parseLine(TEXT.render(last));
    tags.ifPresent(found -> last.unlink());
    return tags.orElse(List.of());
  }

  /** Removes and returns the document's title, or null when it has none. */
  private static String takeTitle(Node document) {
    Node heading = firstTopLevelHeading(document);
    if (heading != null) {
      heading.unlink();
      return TEXT.render(heading).strip();
    }
    return document.getFirstChild() instanceof Paragraph first ? takeTitleLine(first) : null;
  }

  private static Node firstTopLevelHeading(Node document) {
    if (document.getFirstChild() instanceof Heading first) return first;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getLevel() == 1) return heading;
    }
    return null;
  }

  /** The paragraph's first line when it reads as a title and more text follows it. */
  private static String takeTitleLine(Paragraph paragraph) {
    List<Node> line = new ArrayList<>();
    Node node = paragraph.getFirstChild();
    for (; node != null && !isLineBreak(node); node = node.getNext()) line.add(node);
    boolean moreFollows = node != null || paragraph.getNext() != null;
    String text = line.stream().map(TEXT::render).reduce("", String::concat).strip();
    if (!moreFollows || !TitleRules.readsAsTitle(text)) return null;
    line.forEach(Node::unlink);
    if (node != null) node.unlink();
    if (paragraph.getFirstChild() == null) paragraph.unlink();
    return text;
  }

  private static boolean isLineBreak(Node node) {
    return node instanceof SoftLineBreak || node instanceof HardLineBreak;
  }

  private static void dropRepeatedTitle(Node document, String title) {
    RepeatedTitle repeated = new RepeatedTitle(title);
    Node node = document.getFirstChild();
    while (node != null) {
      Node next = node.getNext();
      boolean textBlock = node instanceof Heading || node instanceof Paragraph;
      if (textBlock && repeated.matches(TEXT.render(node))) node.unlink();
      node = next;
    }
  }
}
