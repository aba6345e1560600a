package dev.tributary.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Makes untrusted HTML safe to serve: text, structure, tables, images and links survive; scripts,
 * styles, iframes, forms, event handlers and {@code javascript:} URLs do not. Links get {@code
 * rel="nofollow noopener"} so ingested content cannot lend our reputation or reach our window.
 */
public final class HtmlSanitizer {

  /**
   * Below this depth a page keeps its text but not its tags (see {@link #flattenBelow}), before
   * cleaning. jsoup's cleaner looks up the tree for every element it copies, so a page of 20,000
   * nested {@code div}s took seconds and 60,000 half a minute; real pages nest a few dozen levels
   * (browsers stop building the tree deeper at 512).
   */
  static final int MAX_DEPTH = 256;

  private static final Safelist SAFELIST =
      Safelist.relaxed().addEnforcedAttribute("a", "rel", "nofollow noopener");

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings().prettyPrint(false);

  /** The safe subset of an HTML fragment, as an HTML fragment. */
  public String sanitize(String html) {
    Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html, "");
    flattenBelow(dirty.body(), MAX_DEPTH);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings(OUTPUT);
    return clean.body().html().strip();
  }

  /**
   * Replaces what lies below {@code maxDepth} under {@code root} with its text: the outermost
   * elements at that depth keep their words and lose their deeper tags. One pass that does not
   * descend further, so the work stays linear however deep the page goes.
   */
  static void flattenBelow(Element root, int maxDepth) {
    List<Element> atLimit = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (depth < maxDepth) return FilterResult.CONTINUE;
            if (node instanceof Element element) atLimit.add(element);
            return FilterResult.SKIP_CHILDREN;
          }
        },
        root);
    for (Element element : atLimit) {
      String text = element.text();
      element.empty().appendText(text);
    }
  }
}
