package dev.tributary.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Reads (sanitised) HTML as plain-text blocks: headings, paragraphs and list items. */
final class HtmlBlocks {

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> TEXT_BLOCKS =
      Set.of("p", "pre", "dt", "dd", "figcaption", "caption", "td", "th", "address");

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final List<Block> blocks = new ArrayList<>();

  private HtmlBlocks() {}

  static List<Block> of(String html) {
    HtmlBlocks reader = new HtmlBlocks();
    reader.collect(Jsoup.parseBodyFragment(html).body());
    return List.copyOf(reader.blocks);
  }

  /**
   * A container being walked: loose inline text between its blocks becomes blocks of {@code kind}.
   */
  private record Container(Element element, Block.Kind kind, StringBuilder loose, int[] next) {
    Container(Element element, Block.Kind kind) {
      this(element, kind, new StringBuilder(), new int[] {0});
    }
  }

  /**
   * Walks the tree in document order with a stack of open containers rather than recursion, so a
   * page nested thousands of levels deep cannot overflow the thread's stack.
   */
  private void collect(Element body) {
    Deque<Container> open = new ArrayDeque<>();
    open.push(new Container(body, Block.Kind.PARAGRAPH));
    while (!open.isEmpty()) {
      Container container = open.peek();
      List<Node> children = container.element().childNodes();
      if (container.next()[0] >= children.size()) {
        add(container.kind(), container.loose());
        open.pop();
        continue;
      }
      Node node = children.get(container.next()[0]++);
      if (node instanceof TextNode text) {
        container.loose().append(text.text());
      } else if (node instanceof Element element && !element.isBlock()) {
        container.loose().append(element.normalName().equals("br") ? " " : element.text());
      } else if (node instanceof Element element) {
        add(container.kind(), container.loose());
        Container inner = collectBlock(element);
        if (inner != null) open.push(inner);
      }
    }
  }

  /** Adds a heading or text block at once; answers the container to walk for any other block. */
  private Container collectBlock(Element element) {
    String name = element.normalName();
    if (HEADINGS.contains(name)) {
      add(Block.Kind.HEADING, new StringBuilder(element.text()));
    } else if (TEXT_BLOCKS.contains(name)) {
      add(Block.Kind.PARAGRAPH, new StringBuilder(element.text()));
    } else {
      return new Container(
          element, name.equals("li") ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH);
    }
    return null;
  }

  private void add(Block.Kind kind, StringBuilder text) {
    String clean = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    if (!clean.isEmpty()) blocks.add(new Block(kind, clean));
    text.setLength(0);
  }
}
