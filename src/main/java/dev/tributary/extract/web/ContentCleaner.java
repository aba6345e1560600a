package dev.tributary.extract.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Tidies the chosen content the way Readability's "conditional cleaning" does: link lists, bylines
 * and empty wrappers that came along with the article are dropped; prose, lists of prose, figures,
 * code and tables of data stay.
 */
final class ContentCleaner {
  private ContentCleaner() {}

  private static final Set<String> ARTICLE_FURNITURE =
      Set.of("byline", "dateline", "meta", "author", "bio", "timestamp", "kicker");

  private static final String MEDIA = "img, picture, video, audio, figure, pre, table, math";

  static void clean(Element content, String title) {
    dropTitleHeading(content, title);
    for (Element element : content.select("*")) {
      if (element == content) continue;
      if (Boilerplate.hasWord(element.className() + " " + element.id(), ARTICLE_FURNITURE)) {
        element.remove();
      }
    }
    for (Element container : content.select("div, section, ul, ol, table, header")) {
      if (container != content && isClutter(container)) container.remove();
    }
    for (Element paragraph : content.select("p")) {
      if (paragraph.text().isBlank() && paragraph.select(MEDIA).isEmpty()) paragraph.remove();
    }
    tidyWhitespace(content);
  }

  /**
   * The source's indentation, and the gaps left where boilerplate was, become one line break
   * between blocks; whitespace between inline elements, and anything in {@code <pre>}, stays.
   */
  private static void tidyWhitespace(Element content) {
    for (Element element : content.select("*")) {
      if (isInPre(element)) continue;
      TextNode previousBreak = null;
      for (Node node : List.copyOf(element.childNodes())) {
        if (!(node instanceof TextNode text) || !text.isBlank() || !betweenBlocks(text)) {
          previousBreak = null;
        } else if (previousBreak != null) {
          text.remove();
        } else {
          text.text("\n");
          previousBreak = text;
        }
      }
    }
  }

  private static boolean isInPre(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      if (e.nameIs("pre")) return true;
    }
    return false;
  }

  private static boolean betweenBlocks(TextNode text) {
    return isBlockOrBlank(text.previousSibling()) && isBlockOrBlank(text.nextSibling());
  }

  private static boolean isBlockOrBlank(Node node) {
    return node == null
        || (node instanceof Element element && element.isBlock())
        || (node instanceof TextNode text && text.isBlank());
  }

  /** The heading that repeats the page title (the reader shows the title on its own). */
  private static void dropTitleHeading(Element content, String title) {
    if (title == null) return;
    String expected = letters(title);
    for (Element heading : content.select("h1, h2")) {
      if (letters(heading.text()).equals(expected)) {
        heading.remove();
        return;
      }
    }
  }

  private static boolean isClutter(Element container) {
    String text = container.text();
    if (commas(text) >= 10) return false;
    int weight = Boilerplate.classWeight(container);
    if (weight < 0) return true;
    double links = MainContent.linkDensity(container);
    if ((weight < 25 && links > 0.5) || links > 0.75) return true;
    boolean isList = container.nameIs("ul") || container.nameIs("ol");
    return !isList && text.length() < 25 && container.select(MEDIA).isEmpty();
  }

  private static int commas(String text) {
    return (int) text.chars().filter(c -> c == ',').count();
  }

  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
