package dev.tributary.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Splits text into stemmed words with offsets, paragraphs and sentences. Stop words are kept so
 * that phrases such as "risk of addiction" match word for word. Thread-safe.
 *
 * <p>Words come from Lucene's StandardTokenizer; each word's stem is what Lucene's
 * EnglishPossessiveFilter, LowerCaseFilter and Porter stemmer would make of it, but computed once
 * per distinct word as written (a per-thread cache keyed by the tokenizer's characters), together
 * with its surface form, whether it is a content word, and the ids of its stem and surface in the
 * {@link Vocabulary} of pattern words the matcher's tries are keyed by.
 */
public final class TextAnalyzer {
  /** Full sentences of the body that count as the lead, at most. */
  static final int LEAD_SENTENCES = 3;

  /**
   * A body's first full sentence of at most this many words, followed by more, is a label rather
   * than the item's point — a journal's or a show's name ("Emergency Psychiatry Reports."), a
   * dateline, "Episode 112." — and does not count among the lead's sentences (numbers are not
   * counted among its words: "Mood Disorders Review, 9(2)."): the lead takes one sentence more. A
   * real sentence that short ("Ketamine works.") loses nothing by it.
   */
  static final int LABEL_WORDS = 6;

  /** The lead is the body's full sentences divided by this, rounded up (1 to LEAD_SENTENCES). */
  static final int LEAD_SHARE_OF = 3;

  private static final byte TITLE = (byte) Token.Zone.TITLE.ordinal();
  private static final byte LEAD = (byte) Token.Zone.LEAD.ordinal();
  private static final byte BODY = (byte) Token.Zone.BODY.ordinal();

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          return new TokenStreamComponents(new StandardTokenizer());
        }
      };

  final Vocabulary vocabulary = new Vocabulary();

  private final ThreadLocal<WordCache> words = ThreadLocal.withInitial(WordCache::new);

  /** The words of one phrase or term, as {@link #analyze} would produce them. */
  public List<Token> words(String phrase) {
    Builder out = new Builder(phrase.length() / 5 + 4, vocabulary.epoch);
    collect(phrase, BODY, 0, 0, false, out);
    return out.build("", phrase, vocabulary).tokens();
  }

  public AnalyzedText analyze(String title, String body) {
    String safeTitle = wordsApart(title);
    String safeBody = wordsApart(body);
    Builder out = new Builder((safeTitle.length() + safeBody.length()) / 6 + 16, vocabulary.epoch);
    collect(safeTitle, TITLE, 0, 0, false, out);
    int titleWords = out.size;
    collect(safeBody, BODY, 1, out.sentence + 1, true, out);
    if (out.size > titleWords) {
      // The lead was marked as the first LEAD_SENTENCES full sentences; a short body's is shorter.
      boolean opensWithALabel =
          out.fullSentences > 1 && wordsOf(out, titleWords, out.leadEnds[0]) <= LABEL_WORDS;
      int lead =
          opensWithALabel
              ? Math.min(LEAD_SENTENCES, leadSentences(out.fullSentences - 1) + 1)
              : leadSentences(out.fullSentences);
      if (lead < LEAD_SENTENCES) {
        for (int i = out.leadEnds[lead - 1]; i < out.size && out.zones[i] == LEAD; i++) {
          out.zones[i] = BODY;
        }
      }
    }
    return out.build(safeTitle, safeBody, vocabulary);
  }

  /**
   * Words from {@code from} to {@code to} that hold a letter: a journal's volume and issue ("Mood
   * Disorders Review, 9(2).") or a date make a label no longer.
   */
  private static int wordsOf(Builder out, int from, int to) {
    int words = 0;
    for (int i = from; i < to; i++) if (!TermCounts.isNumber(out.words[i].surface)) words++;
    return words;
  }

  /**
   * The text with underscores as spaces: the tokenizer joins words across an underscore (Unicode's
   * word boundaries do), so a handle or hashtag such as "r/ketamine_therapy" would hide its words.
   * Same length, so every offset into it is one into the text.
   */
  static String wordsApart(String text) {
    if (text == null) return "";
    return text.indexOf('_') < 0 ? text : text.replace('_', ' ');
  }

  /**
   * The lead is the opening third of the body's full sentences, at least the first and at most
   * {@link #LEAD_SENTENCES}: a feed item of one to three sentences has its point in the first, one
   * of four to six in its first two; an article of seven sentences or more has a lead of three.
   */
  static int leadSentences(int bodySentences) {
    return Math.max(
        1, Math.min(LEAD_SENTENCES, (bodySentences + LEAD_SHARE_OF - 1) / LEAD_SHARE_OF));
  }

  /**
   * Splits one zone into words. Sentences, for matching, end at {@code . ! ? : ;} and line breaks;
   * full sentences, for the lead, at {@code . ! ?} and line breaks; a full stop after an
   * abbreviation ("Dr.", "vs.", an initial) ends neither.
   *
   * @param lead whether this is the body, whose first full sentences are its lead
   */
  private void collect(
      String text, byte zone, int paragraph, int sentence, boolean lead, Builder out) {
    WordCache cache = words.get();
    char[] chars = cache.chars(text);
    int previousStart = -1;
    int previousEnd = -1;
    int full = 0;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        // Most words are one space apart: nothing to look at.
        if (previousEnd >= 0 && (start != previousEnd + 1 || chars[previousEnd] != ' ')) {
          boolean lineBreak = false;
          boolean fullStop = false;
          boolean clauseEnd = false;
          for (int i = previousEnd; i < start; i++) {
            char c = chars[i];
            if (isLineBreak(c)) lineBreak = true;
            else if (c == '.' || c == '!' || c == '?') fullStop = true;
            else if (c == ':' || c == ';') clauseEnd = true;
          }
          if (fullStop && isAbbreviation(chars, previousStart, previousEnd, start)) {
            fullStop = false;
          }
          if (lineBreak) paragraph++;
          if (lineBreak || fullStop || clauseEnd) sentence++;
          if (lineBreak || fullStop) {
            if (lead && full < LEAD_SENTENCES) out.leadEnds[full] = out.size;
            full++;
          }
        }
        byte where = lead && full < LEAD_SENTENCES ? LEAD : zone;
        previousStart = start;
        previousEnd = offset.endOffset();
        cache.add(
            term.buffer(),
            term.length(),
            vocabulary,
            out,
            start,
            previousEnd,
            where,
            paragraph,
            sentence);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.paragraph = paragraph;
    out.sentence = sentence;
    if (lead) {
      out.fullSentences = previousEnd < 0 ? 0 : full + 1;
      for (int k = Math.min(full, LEAD_SENTENCES); k < LEAD_SENTENCES; k++)
        out.leadEnds[k] = out.size;
    }
  }

  /** Titles and short forms whose full stop ends no sentence, in lower case. */
  private static final char[][] ABBREVIATIONS = {
    "dr".toCharArray(), "mr".toCharArray(), "mrs".toCharArray(), "ms".toCharArray(),
    "prof".toCharArray(), "st".toCharArray(), "vs".toCharArray(), "jr".toCharArray(),
    "sr".toCharArray(), "mt".toCharArray(), "lt".toCharArray(), "col".toCharArray(),
    "gen".toCharArray(), "sgt".toCharArray(), "rev".toCharArray(), "fig".toCharArray(),
    "al".toCharArray(), "approx".toCharArray(), "e.g".toCharArray(), "i.e".toCharArray(),
    "vol".toCharArray()
  };

  /**
   * Whether the word at {@code [start, end)} is an abbreviation (or a one-letter initial) followed
   * at once by its full stop and then only spaces up to {@code next}. Compares characters in place:
   * this runs at most once per sentence.
   */
  private static boolean isAbbreviation(char[] chars, int start, int end, int next) {
    if (start < 0 || chars[end] != '.') return false;
    for (int i = end + 1; i < next; i++) if (chars[i] != ' ') return false;
    int length = end - start;
    if (length == 1) return Character.isUpperCase(chars[start]);
    for (char[] abbreviation : ABBREVIATIONS) {
      if (abbreviation.length != length) continue;
      int i = 0;
      while (i < length && Character.toLowerCase(chars[start + i]) == abbreviation[i]) i++;
      if (i == length) return true;
    }
    return false;
  }

  /**
   * What is known of a word as the tokenizer wrote it: its stem (possessive removed, lower-cased,
   * Porter-stemmed), its surface form (possessive removed), and whether it is a content word.
   */
  static final class Word {
    final String stem;
    final String surface;
    final boolean content;

    /** Whether the word is "and" or "or", in any case: what joins the last item of a list. */
    final boolean conjunction;

    Word(String stem, String surface, boolean content) {
      this.stem = stem;
      this.surface = surface;
      this.content = content;
      this.conjunction = surface.equalsIgnoreCase("and") || surface.equalsIgnoreCase("or");
    }
  }

  /**
   * Per-thread cache of words as written, an open-addressing table keyed by the tokenizer's
   * characters: articles reuse a small vocabulary, so nearly every word is one lookup, no String
   * built, no stemmer run. The keys' characters sit in one pool and each slot's hash, place in the
   * pool and length in one {@code long}, so a lookup reads little memory. Each slot also holds the
   * ids of the word's stem and surface in the vocabulary as of an epoch, looked up again when the
   * vocabulary has grown since. Each cache stops growing at 100,000 words.
   */
  private static final class WordCache {
    static final int MAX_ENTRIES = 100_000;
    static final int MAX_LENGTH = (1 << 10) - 1;
    static final int MAX_POOL = 1 << 22;
    private long[] keys = new long[8192];
    private Word[] words = new Word[8192];
    private int[] epochs = new int[8192];
    private int[] stemIds = new int[8192];
    private int[] surfaceIds = new int[8192];
    private char[] pool = new char[16384];
    private int pooled;
    private int size;
    private final PorterStemmer stemmer = new PorterStemmer();
    private char[] scratch = new char[64];
    private char[] scratchText = new char[4096];

    /** {@code text}'s characters, in a buffer of this thread's (valid until the next call). */
    char[] chars(String text) {
      if (text.length() > scratchText.length) scratchText = new char[text.length()];
      text.getChars(0, text.length(), scratchText, 0);
      return scratchText;
    }

    /**
     * The word {@code buffer[0, length)}, added to {@code out} with its ids as of {@code epoch}.
     */
    void add(
        char[] buffer,
        int length,
        Vocabulary vocabulary,
        Builder out,
        int start,
        int end,
        byte zone,
        int paragraph,
        int sentence) {
      int h = length;
      int i = 0;
      for (; i + 1 < length; i += 2) h = 961 * h + 31 * buffer[i] + buffer[i + 1];
      if (i < length) h = 31 * h + buffer[i];
      h ^= h >>> 15;
      int mask = words.length - 1;
      int slot = h & mask;
      long key;
      while ((key = keys[slot]) != 0) {
        if ((int) (key >>> 32) == h
            && (key & MAX_LENGTH) == length
            && sameChars(pool, (int) (key >>> 10) & (MAX_POOL - 1), buffer, length)) {
          int epoch = out.epoch;
          if (epochs[slot] != epoch) {
            stemIds[slot] = vocabulary.stemId(words[slot].stem);
            surfaceIds[slot] = vocabulary.surfaceId(words[slot].surface);
            epochs[slot] = epoch;
          }
          out.add(
              words[slot], stemIds[slot], surfaceIds[slot], start, end, zone, paragraph, sentence);
          return;
        }
        slot = (slot + 1) & mask;
      }
      Word word = make(buffer, length);
      int stemId = vocabulary.stemId(word.stem);
      int surfaceId = vocabulary.surfaceId(word.surface);
      out.add(word, stemId, surfaceId, start, end, zone, paragraph, sentence);
      if (size < MAX_ENTRIES && length <= MAX_LENGTH && pooled + length <= MAX_POOL) {
        if (pooled + length > pool.length) {
          pool =
              Arrays.copyOf(pool, Math.min(MAX_POOL, Math.max(pooled + length, pool.length * 2)));
        }
        System.arraycopy(buffer, 0, pool, pooled, length);
        // Never 0: a length of 0 is no word, and 0 marks a free slot.
        keys[slot] = (long) h << 32 | (long) pooled << 10 | length;
        pooled += length;
        words[slot] = word;
        epochs[slot] = out.epoch;
        stemIds[slot] = stemId;
        surfaceIds[slot] = surfaceId;
        if (++size * 2 > words.length) grow();
      }
    }

    private static boolean sameChars(char[] pool, int at, char[] buffer, int length) {
      return Arrays.equals(pool, at, at + length, buffer, 0, length); // vectorised by the JIT
    }

    private void grow() {
      long[] oldKeys = keys;
      Word[] oldWords = words;
      int[] oldEpochs = epochs;
      int[] oldStemIds = stemIds;
      int[] oldSurfaceIds = surfaceIds;
      int capacity = oldWords.length * 2;
      keys = new long[capacity];
      words = new Word[capacity];
      epochs = new int[capacity];
      stemIds = new int[capacity];
      surfaceIds = new int[capacity];
      int mask = capacity - 1;
      for (int i = 0; i < oldWords.length; i++) {
        if (oldKeys[i] == 0) continue;
        int slot = (int) (oldKeys[i] >>> 32) & mask;
        while (keys[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = oldKeys[i];
        words[slot] = oldWords[i];
        epochs[slot] = oldEpochs[i];
        stemIds[slot] = oldStemIds[i];
        surfaceIds[slot] = oldSurfaceIds[i];
      }
    }

    /**
     * What EnglishPossessiveFilter, LowerCaseFilter and PorterStemFilter did, in that order, with a
     * small count (2 to 10) written in digits read as its word ("failed 4 antidepressants" =
     * "failed four antidepressants"). Made once per distinct word, never per token.
     */
    private Word make(char[] buffer, int length) {
      int kept = length;
      if (kept >= 2
          && isApostrophe(buffer[kept - 2])
          && (buffer[kept - 1] == 's' || buffer[kept - 1] == 'S')) {
        kept -= 2;
      }
      if (scratch.length < kept) scratch = new char[Math.max(kept, scratch.length * 2)];
      System.arraycopy(buffer, 0, scratch, 0, kept);
      CharacterUtils.toLowerCase(scratch, 0, kept);
      stemmer.setCurrent(new String(scratch, 0, kept));
      stemmer.stem();
      String stem = numberWord(stemmer.getCurrent());
      String written = new String(buffer, 0, length);
      String surface = written.substring(0, surfaceEnd(written, 0, length));
      return new Word(stem, surface, TermCounts.isContentWord(surface));
    }

    /** Porter stems of the words for 2 to 10 (each its own stem). */
    private static final String[] NUMBER_WORDS = {
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
    };

    /**
     * The word of a count from 2 to 10 written in digits, else the stem itself. Not 0 and 1: "one"
     * stems to "on", the preposition.
     */
    static String numberWord(String stem) {
      if (stem.length() == 1 && stem.charAt(0) >= '2' && stem.charAt(0) <= '9') {
        return NUMBER_WORDS[stem.charAt(0) - '2'];
      }
      return "10".equals(stem) ? NUMBER_WORDS[8] : stem;
    }
  }

  /**
   * The words of the taxonomy's patterns, numbered: stems (terms, phrases, exclusions, cues) and
   * surface forms (acronyms) apart. Words are only ever added; each addition starts a new epoch, so
   * that words cached with an older epoch look their ids up again.
   */
  static final class Vocabulary {
    private final ConcurrentHashMap<String, Integer> stems = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> surfaces = new ConcurrentHashMap<>();
    volatile int epoch;

    int stemId(String stem) {
      Integer id = stems.get(stem);
      return id == null ? -1 : id;
    }

    int surfaceId(String surface) {
      Integer id = surfaces.get(surface);
      return id == null ? -1 : id;
    }

    synchronized int addStem(String stem) {
      return add(stems, stem);
    }

    synchronized int addSurface(String surface) {
      return add(surfaces, surface);
    }

    int stemCount() {
      return stems.size();
    }

    int surfaceCount() {
      return surfaces.size();
    }

    private int add(ConcurrentHashMap<String, Integer> ids, String word) {
      Integer id = ids.get(word);
      if (id != null) return id;
      int next = ids.size();
      ids.put(word, next);
      epoch++;
      return next;
    }
  }

  /** The growing parallel arrays of one analysis. */
  private static final class Builder {
    final int epoch;
    int size;
    int paragraph;
    int sentence;

    /** Full sentences in the body, and the word each of its first LEAD_SENTENCES ends before. */
    int fullSentences;

    final int[] leadEnds = new int[LEAD_SENTENCES];

    Word[] words;
    int[] stemIds;
    int[] surfaceIds;
    int[] starts;
    int[] ends;
    int[] paragraphs;
    int[] sentences;
    byte[] zones;

    Builder(int capacity, int epoch) {
      this.epoch = epoch;
      words = new Word[capacity];
      stemIds = new int[capacity];
      surfaceIds = new int[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
      paragraphs = new int[capacity];
      sentences = new int[capacity];
      zones = new byte[capacity];
    }

    void add(
        Word word,
        int stemId,
        int surfaceId,
        int start,
        int end,
        byte zone,
        int paragraph,
        int sentence) {
      int i = size;
      if (i == words.length) grow();
      words[i] = word;
      stemIds[i] = stemId;
      surfaceIds[i] = surfaceId;
      starts[i] = start;
      ends[i] = end;
      paragraphs[i] = paragraph;
      sentences[i] = sentence;
      zones[i] = zone;
      size = i + 1;
    }

    private void grow() {
      int capacity = Math.max(16, words.length + (words.length >> 1));
      words = Arrays.copyOf(words, capacity);
      stemIds = Arrays.copyOf(stemIds, capacity);
      surfaceIds = Arrays.copyOf(surfaceIds, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      paragraphs = Arrays.copyOf(paragraphs, capacity);
      sentences = Arrays.copyOf(sentences, capacity);
      zones = Arrays.copyOf(zones, capacity);
    }

    AnalyzedText build(String title, String body, Vocabulary vocabulary) {
      return new AnalyzedText(
          title,
          body,
          size,
          words,
          stemIds,
          surfaceIds,
          starts,
          ends,
          paragraphs,
          sentences,
          zones,
          vocabulary,
          epoch);
    }
  }

  /** What the regex \R matches: LF, CR, VT, FF, NEL, LS, PS. */
  private static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\f'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\uFF07';
  }

  /** Where the word at [start, end) ends without a trailing possessive ('s, ’s, or a lone '). */
  static int surfaceEnd(String text, int start, int end) {
    if (end - start >= 2
        && isApostrophe(text.charAt(end - 2))
        && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
      return end - 2;
    } else if (end - start >= 1 && isApostrophe(text.charAt(end - 1))) {
      return end - 1;
    }
    return end;
  }
}
