package dev.tributary.extract;

/** One block of an article body as plain text: a heading, a paragraph or a list item. */
record Block(Kind kind, String text) {

  enum Kind {
    HEADING,
    PARAGRAPH,
    LIST_ITEM
  }

  static Block heading(String text) {
    return new Block(Kind.HEADING, text);
  }

  static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, text);
  }

  static Block listItem(String text) {
    return new Block(Kind.LIST_ITEM, text);
  }

  boolean isHeading() {
    return kind == Kind.HEADING;
  }
}
