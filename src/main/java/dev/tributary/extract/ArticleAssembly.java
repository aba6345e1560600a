package dev.tributary.extract;

import java.util.List;
import java.util.stream.Collectors;

/** Completes an article from its title, HTML and plain-text blocks: plain text and summary. */
final class ArticleAssembly {

  static final int MAX_SUMMARY = 300;

  private ArticleAssembly() {}

  /**
   * @throws ExtractionException when the body holds no readable text
   */
  static ExtractedArticle assemble(
      String title, String contentHtml, List<Block> blocks, List<String> tags)
      throws ExtractionException {
    List<String> paragraphs =
        blocks.stream().map(Block::text).filter(text -> !text.isBlank()).toList();
    if (paragraphs.isEmpty() || title == null || title.isBlank()) {
      throw new ExtractionException("no readable text in the document");
    }
    return new ExtractedArticle(
        title.strip(),
        contentHtml,
        String.join("\n\n", paragraphs),
        summary(blocks),
        paragraphs,
        tags);
  }

  /** The start of the body without headings, so it reads as prose in a feed reader. */
  static String summary(List<Block> blocks) {
    String prose =
        blocks.stream()
            .filter(block -> !block.isHeading())
            .map(Block::text)
            .filter(text -> !text.isBlank())
            .collect(Collectors.joining(" "));
    return Snippet.cut(prose, MAX_SUMMARY);
  }

  /** A title from the first sentence of the first prose block, for documents without one. */
  static String derivedTitle(List<Block> blocks) {
    return blocks.stream()
        .filter(block -> !block.isHeading())
        .map(Block::text)
        .filter(text -> !text.isBlank())
        .findFirst()
        .or(() -> blocks.stream().map(Block::text).filter(t -> !t.isBlank()).findFirst())
        .map(TitleRules::fromFirstSentence)
        .orElse("");
  }
}
