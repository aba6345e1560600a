package dev.tributary.article;

import java.util.Locale;
import java.util.Optional;

/** The body formats Tributary ingests. */
public enum Format {
  TEXT,
  MARKDOWN,
  HTML;

  /** The format for a file name's extension, empty when the extension is not supported. */
  public static Optional<Format> fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".txt")) return Optional.of(TEXT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) return Optional.of(MARKDOWN);
    if (lower.endsWith(".html") || lower.endsWith(".htm")) return Optional.of(HTML);
    return Optional.empty();
  }

  /** The format for an HTTP Content-Type (parameters ignored), empty when not supported. */
  public static Optional<Format> fromContentType(String contentType) {
    if (contentType == null) return Optional.empty();
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/plain" -> Optional.of(TEXT);
      case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
      case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
      default -> Optional.empty();
    };
  }
}
