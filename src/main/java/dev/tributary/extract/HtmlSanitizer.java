package dev.tributary.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes untrusted HTML safe to serve: text, structure, tables, images and links survive; scripts,
 * styles, iframes, forms, event handlers and {@code javascript:} URLs do not. Links get {@code
 * rel="nofollow noopener"} so ingested content cannot lend our reputation or reach our window.
 */
public final class HtmlSanitizer {

  private static final Safelist SAFELIST =
      Safelist.relaxed().addEnforcedAttribute("a", "rel", "nofollow noopener");

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings().prettyPrint(false);

  /** The safe subset of an HTML fragment, as an HTML fragment. */
  public String sanitize(String html) {
    return Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
  }
}
