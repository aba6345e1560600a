package dev.tributary.article;

/** Escapes text for HTML element content and double-quoted attribute values. */
public final class HtmlText {
  private HtmlText() {}

  public static String escape(String text) {
    if (text == null) return "";
    int from = 0;
    StringBuilder out = null; // most text has nothing to escape: then it is returned as it is
    for (int i = 0; i < text.length(); i++) {
      String entity =
          switch (text.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (entity == null) continue;
      if (out == null) out = new StringBuilder(text.length() + 16);
      out.append(text, from, i).append(entity);
      from = i + 1;
    }
    return out == null ? text : out.append(text, from, text.length()).toString();
  }
}
