package dev.tributary.extract;

import java.util.List;
import java.util.Optional;

/**
 * A line of #Hashtags at the end of a text, and the body before it. Scraped articles often carry
 * the site's "related" headlines after their hashtags; those headlines are not part of the article.
 */
record TrailingHashtags(List<String> bodyLines, List<String> tags) {

  /** How many headline lines may follow the hashtags before we stop looking. */
  private static final int MAX_TRAILING_HEADLINES = 5;

  static TrailingHashtags find(List<String> lines) {
    int headlines = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      Optional<List<String>> tags = Hashtags.parseLine(line);
      if (tags.isPresent()) return new TrailingHashtags(lines.subList(0, i), tags.get());
      if (!TitleRules.readsAsTitle(line) || ++headlines > MAX_TRAILING_HEADLINES) break;
    }
    return new TrailingHashtags(lines, List.of());
  }
}
