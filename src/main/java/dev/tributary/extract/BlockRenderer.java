package dev.tributary.extract;

import dev.tributary.article.HtmlText;
import java.util.List;

/** Writes plain-text blocks as escaped HTML: {@code <h3>}, {@code <p>} and {@code <ul><li>}. */
final class BlockRenderer {

  private BlockRenderer() {}

  static String toHtml(List<Block> blocks) {
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    for (Block block : blocks) {
      boolean item = block.kind() == Block.Kind.LIST_ITEM;
      if (item && !inList) html.append("<ul>");
      if (!item && inList) html.append("</ul>\n");
      inList = item;
      String tag =
          switch (block.kind()) {
            case HEADING -> "h3";
            case PARAGRAPH -> "p";
            case LIST_ITEM -> "li";
          };
      html.append('<').append(tag).append('>').append(HtmlText.escape(block.text()));
      html.append("</").append(tag).append('>');
      if (!item) html.append('\n');
    }
    if (inList) html.append("</ul>\n");
    return html.toString().strip();
  }
}
