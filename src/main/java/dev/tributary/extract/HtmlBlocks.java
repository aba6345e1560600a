package dev.tributary.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Reads (sanitised) HTML as plain-text blocks: headings, paragraphs and list items. */
final class HtmlBlocks {

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> TEXT_BLOCKS =
      Set.of("p", "pre", "dt", "dd", "figcaption", "caption", "td", "th", "address");

  private final List<Block> blocks = new ArrayList<>();

  private HtmlBlocks() {}

  static List<Block> of(String html) {
    HtmlBlocks reader = new HtmlBlocks();
    reader.collect(Jsoup.parseBodyFragment(html).body(), Block.Kind.PARAGRAPH);
    return List.copyOf(reader.blocks);
  }

  /** Walks a container; loose inline text between its blocks becomes blocks of {@code kind}. */
  private void collect(Element container, Block.Kind kind) {
    StringBuilder loose = new StringBuilder();
    for (Node node : container.childNodes()) {
      if (node instanceof TextNode text) {
        loose.append(text.text());
      } else if (node instanceof Element element && !element.isBlock()) {
        loose.append(element.normalName().equals("br") ? " " : element.text());
      } else if (node instanceof Element element) {
        add(kind, loose);
        collectBlock(element);
      }
    }
    add(kind, loose);
  }

  private void collectBlock(Element element) {
    String name = element.normalName();
    if (HEADINGS.contains(name)) {
      add(Block.Kind.HEADING, new StringBuilder(element.text()));
    } else if (TEXT_BLOCKS.contains(name)) {
      add(Block.Kind.PARAGRAPH, new StringBuilder(element.text()));
    } else if (name.equals("li")) {
      collect(element, Block.Kind.LIST_ITEM);
    } else {
      collect(element, Block.Kind.PARAGRAPH);
    }
  }

  private void add(Block.Kind kind, StringBuilder text) {
    String clean = text.toString().replaceAll("\\s+", " ").strip();
    if (!clean.isEmpty()) blocks.add(new Block(kind, clean));
    text.setLength(0);
  }
}
