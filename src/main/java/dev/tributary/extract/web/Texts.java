package dev.tributary.extract.web;

/** Small text rules shared by the page readers. */
final class Texts {
  private Texts() {}

  static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }

  /** Collapses runs of whitespace (including no-break spaces) and trims; null stays null. */
  static String squash(String text) {
    if (text == null) return null;
    String squashed = text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    return squashed.isEmpty() ? null : squashed;
  }

  /** The first argument that has text, squashed; {@code null} if none has. */
  static String firstWithText(String... candidates) {
    for (String candidate : candidates) {
      String squashed = squash(candidate);
      if (squashed != null) return squashed;
    }
    return null;
  }
}
