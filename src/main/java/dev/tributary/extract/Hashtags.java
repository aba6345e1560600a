package dev.tributary.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a line of #Hashtags as free tags in lower-case kebab case. */
final class Hashtags {

  /** A hashtag, optionally followed by a footnote mark like "[5]" and a separator. */
  private static final Pattern HASHTAG =
      Pattern.compile("#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)(?:\\[\\d+])?[,;.]?");

  private static final Pattern LOWER_TO_UPPER = Pattern.compile("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})");
  private static final Pattern ACRONYM_TO_WORD = Pattern.compile("(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

  private Hashtags() {}

  /** The tags when every word on the line is a hashtag, otherwise empty. */
  static Optional<List<String>> parseLine(String line) {
    String text = line.strip();
    if (text.isEmpty()) return Optional.empty();
    List<String> tags = new ArrayList<>();
    for (String word : text.split("\\s+")) {
      var hashtag = HASHTAG.matcher(word);
      if (!hashtag.matches()) return Optional.empty();
      tags.add(toTag(hashtag.group(1)));
    }
    return Optional.of(List.copyOf(new LinkedHashSet<>(tags)));
  }

  /**
   * "TreatmentResistantDepression" → "treatment-resistant-depression", "PTSDCare" → "ptsd-care".
   */
  static String toTag(String hashtag) {
    String words = LOWER_TO_UPPER.matcher(hashtag).replaceAll("-");
    words = ACRONYM_TO_WORD.matcher(words).replaceAll("-");
    return words
        .replace('_', '-')
        .replaceAll("-{2,}", "-")
        .replaceAll("^-|-$", "")
        .toLowerCase(Locale.ROOT);
  }
}
