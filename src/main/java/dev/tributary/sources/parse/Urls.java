package dev.tributary.sources.parse;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolving the relative links feeds are full of. */
final class Urls {

  private Urls() {}

  /**
   * {@code ref} made absolute against {@code base}; {@code ref} itself when it already is absolute
   * or cannot be resolved; null when {@code ref} is blank.
   */
  static String resolve(String base, String ref) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String trimmed = ref.strip();
    URI refUri = parse(trimmed);
    if (refUri == null || refUri.isAbsolute() || base == null || base.isBlank()) {
      return trimmed;
    }
    URI baseUri = parse(base.strip());
    if (baseUri == null || !baseUri.isAbsolute()) {
      return trimmed;
    }
    try {
      if (baseUri.isOpaque()) {
        return trimmed;
      }
      if ((baseUri.getPath() == null || baseUri.getPath().isEmpty())
          && baseUri.getAuthority() != null) {
        baseUri = new URI(baseUri.getScheme(), baseUri.getAuthority(), "/", null, null);
      }
      return baseUri.resolve(refUri).toString();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return trimmed;
    }
  }

  private static URI parse(String s) {
    try {
      return new URI(s.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
