package dev.tributary.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids (the article in the README's API section). The id is a hash of the strongest
 * identity the input has: the source's GUID, else the canonical URL, else the normalised text. The
 * content hash of the normalised text is kept as a second dedup key, so the same text never becomes
 * two articles.
 */
public final class ArticleIds {
  private static final int ID_HEX_CHARS = 20;

  private ArticleIds() {}

  public static String forGuid(String sourceId, String guid) {
    return hash("guid", sourceId + "\n" + guid.trim());
  }

  public static String forUrl(String url) {
    return hash("url", url.trim());
  }

  public static String forText(String text) {
    return hash("text", normalise(text));
  }

  public static String contentHash(String text) {
    return hash("content", normalise(text));
  }

  /**
   * An article's text normalised once for both keys made from it: its text id (when it has neither
   * GUID nor URL) and its content hash. Normalising is a pass over the whole text; the pipeline
   * made it twice per article before (about 4 % of its CPU).
   */
  public static final class NormalText {
    private final String words;

    private NormalText(String words) {
      this.words = words;
    }

    public static NormalText of(String text) {
      return new NormalText(normalise(text));
    }

    /**
     * {@link #forText forText(title + "\n" + text)}: the normal form of a title and a text joined
     * by a line break is the two normal forms joined by a space (a line break neither composes nor
     * changes a neighbour's case, and {@link #words} joins runs by one space), or the one that is
     * not empty.
     */
    public String textId(String title) {
      String head = normalise(title);
      String joined = head.isEmpty() ? words : words.isEmpty() ? head : head + " " + words;
      return hash("text", joined);
    }

    /** {@link #contentHash contentHash(text)}. */
    public String contentHash() {
      return hash("content", words);
    }
  }

  /**
   * Text as compared for dedup: Unicode-normalised, case-folded, punctuation and whitespace runs
   * collapsed, so re-wrapped or re-encoded copies of a text compare equal.
   */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return words(folded);
  }

  /**
   * The text's runs of letters and digits ({@code \p{L}}, {@code \p{N}}) joined by single spaces:
   * what {@code replaceAll("[^\\p{L}\\p{N}]+", " ").strip()} gives, in one pass without a regex
   * (the regex was a tenth of the pipeline's CPU; bench/README.md, ingest).
   */
  public static String words(String text) {
    char[] out = new char[text.length()];
    int n = 0;
    boolean gap = false;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c < 0x80 ? ASCII_WORD[c] : !Character.isSurrogate(c) && isLetterOrNumber(c)) {
        if (gap && n > 0) out[n++] = ' ';
        gap = false;
        out[n++] = c;
        i++;
      } else if (c < 0x80 || !Character.isSurrogate(c)) {
        gap = true;
        i++;
      } else {
        int cp = text.codePointAt(i);
        int chars = Character.charCount(cp);
        if (isLetterOrNumber(cp)) {
          if (gap && n > 0) out[n++] = ' ';
          gap = false;
          out[n++] = c;
          if (chars == 2) out[n++] = text.charAt(i + 1);
        } else {
          gap = true;
        }
        i += chars;
      }
    }
    return new String(out, 0, n);
  }

  /**
   * Whether the text has more than {@code limit} runs of letters and digits (the words {@link
   * #words} keeps), counted only as far as needed: a cheap test before normalising a long text.
   */
  public static boolean hasMoreWordsThan(String text, int limit) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean letter = isLetterOrNumber(cp);
      if (letter && !inWord && ++words > limit) return true;
      inWord = letter;
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Which ASCII characters are letters or digits. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (int c = 0; c < 0x80; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c);
  }

  /** Whether a code point is part of a word: a letter or a digit (what {@link #words} keeps). */
  public static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  private static String hash(String kind, String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(kind.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] digest = sha.digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, ID_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
