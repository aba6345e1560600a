package dev.tributary.extract.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article in a page, in the manner of Readability: an element the page marks as its
 * article body if it has one with real text in it, otherwise the block that the most paragraph
 * text, weighted by commas and discounted by links, adds up in; then its siblings that read like
 * more of the same. Boilerplate is removed before and after.
 */
final class MainContent {

  /** An explicitly marked article with less paragraph text than this is probably a teaser. */
  private static final int MARKED_ARTICLE_MIN_TEXT = 140;

  /** Paragraphs shorter than this ("Share", "Read more") do not vote for a container. */
  private static final int MIN_PARAGRAPH = 25;

  /** What votes: paragraphs, and cells and divs that hold text rather than other blocks. */
  private static final String PARAGRAPHS = "p, pre, td, div";

  /**
   * Deeper than this, elements are flattened into their ancestor, as browsers cap DOM depth: the
   * scorer's walks up and down the tree would otherwise be quadratic in a hostile page's nesting.
   */
  private static final int MAX_DEPTH = 128;

  private final Map<Element, Double> scores = new IdentityHashMap<>();

  private MainContent() {}

  /**
   * The article's content in a {@code <div>}, in a copy of the page: the page is left as it was.
   */
  static Element of(Document page, String title) {
    Document document = page.clone();
    document.outputSettings().prettyPrint(false);
    Element body = document.body();
    flattenBeyond(MAX_DEPTH, body);
    ContentLinks.makeAbsolute(body);
    body.select(Boilerplate.NEVER_CONTENT).remove();
    removeNamedBoilerplate(body);
    Element content = new MainContent().find(body);
    // kept in the document so that it keeps the page's base URI and unindented output
    body.empty().appendChild(content);
    ContentCleaner.clean(content, title);
    return content;
  }

  private Element find(Element body) {
    Element marked = marked(body);
    if (marked != null) return wrap(List.of(marked));
    Element root = first(body, "main, [role=main]");
    Element best = bestCandidate(root != null ? root : body);
    if (best == null) return wrap(List.of(root != null ? root : body));
    return wrap(withSiblings(best));
  }

  /** {@code [itemprop=articleBody]} or the {@code <article>} with the most text. */
  private static Element marked(Element body) {
    Element articleBody = first(body, "[itemprop~=^articleBody$]");
    if (articleBody != null && paragraphText(articleBody) >= MARKED_ARTICLE_MIN_TEXT) {
      return articleBody;
    }
    return body.select("article").stream()
        .filter(article -> paragraphText(article) >= MARKED_ARTICLE_MIN_TEXT)
        .max(Comparator.comparingInt(MainContent::paragraphText))
        .orElse(null);
  }

  private Element bestCandidate(Element root) {
    for (Element paragraph : root.select(PARAGRAPHS)) {
      boolean isText = paragraph.nameIs("p") || paragraph.nameIs("pre");
      if (!isText && hasBlockChildren(paragraph)) continue;
      String text = paragraph.text();
      if (text.length() < MIN_PARAGRAPH) continue;
      double points = 1 + commas(text) + Math.min(text.length() / 100, 3);
      Element ancestor = paragraph.parent();
      for (int level = 0; level < 3 && ancestor != null && ancestor != root.parent(); level++) {
        scores.computeIfAbsent(ancestor, MainContent::initialScore);
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(ancestor, points / divider, Double::sum);
        ancestor = ancestor.parent();
      }
    }
    scores.replaceAll((element, score) -> score * (1 - linkDensity(element)));
    return scores.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** The best candidate and the siblings that score near it or read as prose on their own. */
  private List<Element> withSiblings(Element best) {
    Element parent = best.parent();
    if (parent == null || best.tagName().equals("body")) return List.of(best);
    double bestScore = scores.get(best);
    double threshold = Math.max(10, bestScore * 0.2);
    return parent.children().stream()
        .filter(sibling -> sibling == best || belongsWith(sibling, best, threshold))
        .toList();
  }

  private boolean belongsWith(Element sibling, Element best, double threshold) {
    double bonus =
        !best.className().isEmpty() && best.className().equals(sibling.className())
            ? scores.get(best) * 0.2
            : 0;
    if (scores.getOrDefault(sibling, 0.0) + bonus >= threshold) return true;
    if (!sibling.tagName().equals("p")) return false;
    String text = sibling.text();
    double links = linkDensity(sibling);
    return (text.length() > 80 && links < 0.25)
        || (text.length() > 0 && links == 0 && text.matches("(?s).*\\.( |$).*"));
  }

  private static Element wrap(List<Element> parts) {
    Element content = new Element("div");
    for (Element part : parts) {
      // the body itself goes in as its contents, so that it can hold the result afterwards
      if (part.nameIs("body")) content.appendChildren(List.copyOf(part.childNodes()));
      else content.appendChild(part);
    }
    return content;
  }

  private static double initialScore(Element element) {
    double score = Boilerplate.classWeight(element);
    return score
        + switch (element.normalName()) {
          case "div", "article", "section", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
  }

  private static void removeNamedBoilerplate(Element body) {
    Map<Element, Integer> textBelow = paragraphTextBelow(body);
    int pageText = Math.max(1, textBelow.getOrDefault(body, 0));
    for (Element element : body.select("*")) {
      if (element == body || !Boilerplate.isNamedBoilerplate(element)) continue;
      // a layout wrapper named "with-sidebar" may hold the article itself: keep what holds most
      // text
      if (textBelow.getOrDefault(element, 0) * 2 < pageText) element.remove();
    }
  }

  private static void flattenBeyond(int maxDepth, Element body) {
    List<Element> tooDeep = new ArrayList<>();
    body.traverse(
        (node, depth) -> {
          if (depth > maxDepth && node instanceof Element element) tooDeep.add(element);
        });
    for (Element element : tooDeep) element.unwrap();
  }

  /** For every element, the length of the paragraph text inside it, in one pass over the tree. */
  private static Map<Element, Integer> paragraphTextBelow(Element root) {
    Map<Element, Integer> below = new IdentityHashMap<>();
    root.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) return;
            int total = element.nameIs("p") ? element.text().length() : 0;
            if (total == 0) {
              for (Element child : element.children()) total += below.getOrDefault(child, 0);
            }
            if (total > 0) below.put(element, total);
          }
        });
    return below;
  }

  static double linkDensity(Element element) {
    int length = element.text().length();
    if (length == 0) return 0;
    int linked = element.select("a").stream().mapToInt(a -> a.text().length()).sum();
    return Math.min(1, (double) linked / length);
  }

  static int paragraphText(Element element) {
    return element.select("p").stream().mapToInt(p -> p.text().length()).sum();
  }

  private static boolean hasBlockChildren(Element element) {
    return element.children().stream().anyMatch(Element::isBlock);
  }

  private static int commas(String text) {
    return (int) text.chars().filter(c -> c == ',' || c == '\uFF0C' || c == '\u060C').count();
  }

  private static Element first(Element root, String selector) {
    return root.selectFirst(selector);
  }
}
