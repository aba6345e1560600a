package dev.tributary.extract.web;

import java.util.Set;
import org.jsoup.nodes.Element;

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

  static void clean(Element content) {
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
  }

  /** The heading that repeats the page title (the reader shows the title on its own). */
  static void dropTitleHeading(Element content, String title) {
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
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
