package dev.tributary.extract.web;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Content HTML as text: each block (paragraph, heading, list item, cell) its own paragraph, a
 * {@code <br>} a line break, and whitespace as the browser would show it, kept as is in {@code
 * <pre>}.
 */
final class PlainText implements NodeVisitor {

  private final List<String> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int preDepth;

  private PlainText() {}

  static String of(String html) {
    PlainText text = new PlainText();
    Jsoup.parseBodyFragment(html).body().traverse(text);
    text.flush();
    return String.join("\n\n", text.blocks);
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      current.append(preDepth > 0 ? text.getWholeText() : text.text());
    } else if (node instanceof Element element) {
      if (element.nameIs("br")) current.append('\n');
      if (element.isBlock()) flush();
      if (element.nameIs("pre")) preDepth++;
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element element && element.isBlock()) {
      flush();
      if (element.nameIs("pre")) preDepth--;
    }
  }

  private void flush() {
    String block = current.toString();
    if (preDepth == 0) block = block.replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" ?\\n ?", "\n");
    block = block.strip();
    if (!block.isEmpty()) blocks.add(block);
    current.setLength(0);
  }
}
