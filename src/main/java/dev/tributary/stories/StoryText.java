package dev.tributary.stories;

import dev.tributary.article.ArticleIds;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   * What a sentence must hold before it is matched against {@link #BOILERPLATE} at all: for each
   * pattern, the words it cannot match without, as groups separated by "/" of which the sentence
   * must have one word each ("click tap / here": "click" or "tap", and "here"). Most sentences fail
   * every gate, and those that pass are nearly all boilerplate, so the regex runs on few sentences.
   * A gate must be implied by its pattern (StoryTextTest checks it on every example): a gate that
   * asks for more than its pattern would keep boilerplate in.
   */
  static final List<String> GATES =
      List.of(
          "originally first / appeared published posted ran run",
          "published republished reprinted syndicated reproduced shared"
              + " / permission license licence arrangement",
          "published republished reprinted syndicated / from",
          "creative / commons",
          "share / this on via",
          "subscribe subscribing unsubscribe newsletter sign signup",
          "follow / us him her them me",
          "read see find / more full original rest",
          "click tap / here",
          "continue / reading",
          "all / rights / reserved",
          "copyright c ©",
          "views / expressed",
          "comment comments discussion / closed open");

  /** The words a {@link #BOILERPLATE} pattern anchored at the sentence's start begins with. */
  static final Set<String> LEADS =
      Set.of(
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
          "sponsored");

  /** The gates' words, each with a bit of its own ("©" is not a word: {@link #COPYRIGHT_BIT}). */
  private static final Map<String, Long> GATE_BITS = new LinkedHashMap<>();

  /** Each gate as the masks of its groups: passed when every group shares a bit with a sentence. */
  private static final long[][] GATE_MASKS;

  static {
    GATE_BITS.put("©", 1L);
    GATE_MASKS = new long[GATES.size()][];
    for (int g = 0; g < GATES.size(); g++) {
      String[] groups = GATES.get(g).split(" / ");
      GATE_MASKS[g] = new long[groups.length];
      for (int i = 0; i < groups.length; i++) {
        for (String word : groups[i].split(" ")) {
          long bit = GATE_BITS.computeIfAbsent(word, w -> 1L << GATE_BITS.size());
          if (bit == 0) throw new IllegalStateException("more than 64 gate words");
          GATE_MASKS[g][i] |= bit;
        }
      }
    }
  }

  private static final long COPYRIGHT_BIT = GATE_BITS.get("©");

  /** The gate words' {@link #wordHash}es, sorted for a binary search, and their bits alike. */
  private static final long[] GATE_HASHES;

  private static final long[] GATE_HASH_BITS;

  static {
    long[][] pairs =
        GATE_BITS.entrySet().stream()
            .filter(e -> !e.getKey().equals("©"))
            .map(e -> new long[] {wordHash(e.getKey()), e.getValue()})
            .sorted(Comparator.comparingLong(pair -> pair[0]))
            .toArray(long[][]::new);
    GATE_HASHES = Arrays.stream(pairs).mapToLong(pair -> pair[0]).toArray();
    GATE_HASH_BITS = Arrays.stream(pairs).mapToLong(pair -> pair[1]).toArray();
  }

  /** The {@link #wordHash}es of {@link #LEADS}, sorted for a binary search. */
  private static final long[] LEAD_HASHES =
      LEADS.stream().mapToLong(StoryText::wordHash).sorted().toArray();

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
    long seen = 0; // the gate bits of the sentence's words so far
    boolean lead = false; // whether its first word is one of LEADS
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
        long h = Shingles.mix(hash);
        if (sink.size() == firstWord) lead = Arrays.binarySearch(LEAD_HASHES, h) >= 0;
        seen |= add(h, word, sink);
        hash = FNV_OFFSET;
        wordLength = 0;
      }
      if (cp == '©') seen |= COPYRIGHT_BIT;
      if (cp == '\n' || ((cp == '.' || cp == '!' || cp == '?') && endsSentence(text, i))) {
        if (lead || passesAGate(seen)) {
          dropIfBoilerplate(text.substring(sentenceStart, i), sink, firstWord);
        }
        sentenceStart = i;
        firstWord = sink.size();
        seen = 0;
        lead = false;
      }
    }
    if (wordLength > 0) {
      long h = Shingles.mix(hash);
      if (sink.size() == firstWord) lead = Arrays.binarySearch(LEAD_HASHES, h) >= 0;
      seen |= add(h, word, sink);
    }
    if (lead || passesAGate(seen))
      dropIfBoilerplate(text.substring(sentenceStart), sink, firstWord);
  }

  /** Adds the word and empties the builder; answers the word's gate bit, 0 for most words. */
  private static long add(long hash, StringBuilder word, Sink sink) {
    sink.add(hash, word);
    word.setLength(0);
    int at = Arrays.binarySearch(GATE_HASHES, hash);
    return at >= 0 ? GATE_HASH_BITS[at] : 0;
  }

  /**
   * Whether a sentence whose words have the gate bits {@code seen} passes one of {@link #GATES}.
   */
  private static boolean passesAGate(long seen) {
    if (seen == 0) return false;
    for (long[] groups : GATE_MASKS) {
      boolean passes = true;
      for (long group : groups) passes &= (seen & group) != 0;
      if (passes) return true;
    }
    return false;
  }

  /**
   * Whether the sentence would be matched against {@link #BOILERPLATE}: it passes one of {@link
   * #GATES} or begins with one of {@link #LEADS}.
   */
  static boolean isGated(String sentence) {
    String folded = Normalizer.normalize(sentence, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = List.of(ArticleIds.words(folded).split(" "));
    long seen = sentence.indexOf('©') >= 0 ? COPYRIGHT_BIT : 0;
    for (String w : words) {
      int at = Arrays.binarySearch(GATE_HASHES, wordHash(w));
      if (at >= 0) seen |= GATE_HASH_BITS[at];
    }
    return LEADS.contains(words.get(0)) || passesAGate(seen);
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
