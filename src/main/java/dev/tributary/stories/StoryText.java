package dev.tributary.stories;

import dev.tributary.article.ArticleIds;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An article's body as story detection compares it: the words of its sentences, case-folded, with
 * the sentences a republisher adds or a site wraps around every article left out ("This article
 * originally appeared on …", "Share this", "Subscribe to our newsletter", copyright lines). Those
 * differ between copies of one story and repeat across unrelated articles of one site, so keeping
 * them would make copies look less alike and strangers more alike.
 *
 * <p>A sentence is left out when it matches one of {@link #BOILERPLATE} and is short (at most
 * {@link #MAX_BOILERPLATE_WORDS} words): a long sentence that happens to say "subscribe" is prose.
 * Leaving out a real sentence costs nothing when it is in both copies (both lose it), so the
 * patterns err towards leaving out.
 */
public final class StoryText {
  static final int MAX_BOILERPLATE_WORDS = 40;

  /**
   * What republishers and site templates add: attribution of the original, share and subscribe
   * calls, "read more" links, copyright, photo credits. Matched anywhere in a short sentence,
   * lower-cased first (cheaper than a case-insensitive match, which compares every char both ways).
   */
  static final Pattern BOILERPLATE =
      Pattern.compile(
          String.join(
              "|",
              "\\b(originally|first) (appeared|published|posted|ran|run)\\b",
              "\\b(appeared|published|posted) (first|originally)\\b",
              "\\b(re-?published|reprinted|republished|syndicated|reproduced|shared)"
                  + " (here )?(with|by|under) (the )?(kind )?(permission|licen[cs]e|arrangement)\\b",
              "\\b(re-?published|reprinted|syndicated) from\\b",
              "\\bcreative commons\\b",
              "\\bshare (this|on|via)\\b",
              "\\b(subscribe|subscribing|unsubscribe|newsletter|sign up|signup)\\b",
              "\\bfollow (us|him|her|them|me)\\b",
              "\\b(read|see|find) (more|the (full|original|rest))\\b",
              "\\b(click|tap) here\\b",
              "\\bcontinue reading\\b",
              "\\ball rights reserved\\b",
              "\\bcopyright\\b|©|\\(c\\) (19|20)\\d\\d",
              "^(photo|image|picture|illustration|video|credit|source|via|related|tags?|filed"
                  + " under|advertisement|sponsored)\\b",
              "\\bthe views expressed\\b",
              "\\b(comments?|discussion) (are|is) (closed|open)\\b"));

  /**
   * Words at least one of which every {@link #BOILERPLATE} pattern contains: a sentence without any
   * of them is not matched against the patterns at all (most sentences, so the check stays cheap).
   */
  static final Set<String> TRIGGERS =
      Set.of(
          "originally",
          "first",
          "appeared",
          "published",
          "posted",
          "republished",
          "reprinted",
          "syndicated",
          "reproduced",
          "shared",
          "creative",
          "share",
          "subscribe",
          "subscribing",
          "unsubscribe",
          "newsletter",
          "sign",
          "signup",
          "follow",
          "read",
          "see",
          "find",
          "click",
          "tap",
          "continue",
          "rights",
          "copyright",
          "c",
          "photo",
          "image",
          "picture",
          "illustration",
          "video",
          "credit",
          "source",
          "via",
          "related",
          "tag",
          "tags",
          "filed",
          "advertisement",
          "sponsored",
          "views",
          "comment",
          "comments",
          "discussion");

  private StoryText() {}

  /**
   * The words of the body's sentences that are not boilerplate, case-folded, in order. One pass: a
   * sentence ends at a line break, or at . ! ? (and a closing quote or bracket) before a space.
   */
  public static List<String> words(String body) {
    List<String> words = new ArrayList<>();
    scan(body, new Words(words));
    return words;
  }

  /**
   * The {@link #wordHash}es of {@link #words}, without making the words: what shingling needs, at a
   * fraction of the cost.
   */
  public static long[] wordHashes(String body) {
    Hashes hashes = new Hashes();
    scan(body, hashes);
    return Arrays.copyOf(hashes.values, hashes.size);
  }

  /** A word's 64-bit hash: FNV-1a over its (case-folded) chars, mixed. */
  public static long wordHash(CharSequence word) {
    long h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) h = (h ^ word.charAt(i)) * FNV_PRIME;
    return Shingles.mix(h);
  }

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  /** The {@link #wordHash}es of {@link #TRIGGERS}, sorted for a binary search. */
  private static final long[] TRIGGER_HASHES =
      TRIGGERS.stream().mapToLong(StoryText::wordHash).sorted().toArray();

  /** Where {@link #scan} puts the words it keeps: each as its hash, and as text when wanted. */
  private interface Sink {
    /** Whether the sink keeps the words' text, or only their hashes. */
    boolean wantsText();

    void add(long hash, StringBuilder word);

    int size();

    /** Drops the words from {@code from} on (a boilerplate sentence). */
    void truncate(int from);
  }

  private static void scan(String body, Sink sink) {
    if (body == null) return;
    String text =
        Normalizer.isNormalized(body, Normalizer.Form.NFKC)
            ? body
            : Normalizer.normalize(body, Normalizer.Form.NFKC);
    StringBuilder word = new StringBuilder(24);
    boolean keepText = sink.wantsText();
    int wordLength = 0;
    long hash = FNV_OFFSET;
    int sentenceStart = 0;
    int firstWord = 0;
    boolean trigger = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (ArticleIds.isLetterOrNumber(cp)) {
        int lower = Character.toLowerCase(cp);
        if (Character.isBmpCodePoint(lower)) {
          hash = (hash ^ lower) * FNV_PRIME;
        } else {
          hash = (hash ^ Character.highSurrogate(lower)) * FNV_PRIME;
          hash = (hash ^ Character.lowSurrogate(lower)) * FNV_PRIME;
        }
        if (keepText) word.appendCodePoint(lower);
        wordLength++;
        continue;
      }
      if (wordLength > 0) {
        trigger |= add(Shingles.mix(hash), word, sink);
        hash = FNV_OFFSET;
        wordLength = 0;
      }
      if (cp == '©') trigger = true;
      if (cp == '\n' || ((cp == '.' || cp == '!' || cp == '?') && endsSentence(text, i))) {
        if (trigger) dropIfBoilerplate(text.substring(sentenceStart, i), sink, firstWord);
        sentenceStart = i;
        firstWord = sink.size();
        trigger = false;
      }
    }
    if (wordLength > 0) trigger |= add(Shingles.mix(hash), word, sink);
    if (trigger) dropIfBoilerplate(text.substring(sentenceStart), sink, firstWord);
  }

  /** Adds the word and empties the builder; answers whether the word is a trigger. */
  private static boolean add(long hash, StringBuilder word, Sink sink) {
    sink.add(hash, word);
    word.setLength(0);
    return Arrays.binarySearch(TRIGGER_HASHES, hash) >= 0;
  }

  /** Whether the text after a . ! or ? at {@code next} ends a sentence there. */
  private static boolean endsSentence(String text, int next) {
    int j = next;
    if (j < text.length() && "\"'”’)]".indexOf(text.charAt(j)) >= 0) j++;
    return j >= text.length() || Character.isWhitespace(text.charAt(j));
  }

  private static void dropIfBoilerplate(String sentence, Sink sink, int firstWord) {
    if (sink.size() - firstWord > MAX_BOILERPLATE_WORDS) return;
    if (BOILERPLATE.matcher(sentence.strip().toLowerCase(Locale.ROOT)).find()) {
      sink.truncate(firstWord);
    }
  }

  private record Words(List<String> words) implements Sink {
    @Override
    public boolean wantsText() {
      return true;
    }

    @Override
    public void add(long hash, StringBuilder word) {
      words.add(word.toString());
    }

    @Override
    public int size() {
      return words.size();
    }

    @Override
    public void truncate(int from) {
      words.subList(from, words.size()).clear();
    }
  }

  private static final class Hashes implements Sink {
    long[] values = new long[512];
    int size;

    @Override
    public boolean wantsText() {
      return false;
    }

    @Override
    public void add(long hash, StringBuilder word) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = hash;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void truncate(int from) {
      size = from;
    }
  }

  static boolean isBoilerplate(String sentence) {
    return BOILERPLATE.matcher(sentence.strip()).find()
        && wordCount(sentence) <= MAX_BOILERPLATE_WORDS;
  }

  private static int wordCount(String sentence) {
    String plain = ArticleIds.words(sentence);
    return plain.isEmpty() ? 0 : plain.split(" ").length;
  }
}
