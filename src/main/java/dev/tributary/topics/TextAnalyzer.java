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
  /** Sentences in the body that count as the lead. */
  static final int LEAD_SENTENCES = 3;

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
    collect(phrase, BODY, 0, 0, Integer.MAX_VALUE, out);
    return out.build("", phrase, vocabulary).tokens();
  }

  public AnalyzedText analyze(String title, String body) {
    String safeTitle = title == null ? "" : title;
    String safeBody = body == null ? "" : body;
    Builder out = new Builder((safeTitle.length() + safeBody.length()) / 6 + 16, vocabulary.epoch);
    collect(safeTitle, TITLE, 0, 0, 0, out);
    int sentence = out.sentence + 1;
    collect(safeBody, BODY, 1, sentence, sentence + LEAD_SENTENCES, out);
    return out.build(safeTitle, safeBody, vocabulary);
  }

  private void collect(
      String text, byte zone, int paragraph, int sentence, int leadEnd, Builder out) {
    WordCache cache = words.get();
    char[] chars = cache.chars(text);
    int previousEnd = -1;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        // Most words are one space apart: nothing to look at.
        if (previousEnd >= 0 && (start != previousEnd + 1 || chars[previousEnd] != ' ')) {
          boolean lineBreak = false;
          boolean sentenceEnd = false;
          for (int i = previousEnd; i < start; i++) {
            char c = chars[i];
            if (isLineBreak(c)) lineBreak = true;
            else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') sentenceEnd = true;
          }
          if (lineBreak) {
            paragraph++;
            sentence++;
          } else if (sentenceEnd) {
            sentence++;
          }
        }
        byte where = zone == BODY && sentence < leadEnd ? LEAD : zone;
        Word word = cache.of(term.buffer(), term.length(), out.epoch, vocabulary);
        previousEnd = offset.endOffset();
        out.add(word, start, previousEnd, where, paragraph, sentence);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.paragraph = paragraph;
    out.sentence = sentence;
  }

  /**
   * What is known of a word as the tokenizer wrote it: its stem (possessive removed, lower-cased,
   * Porter-stemmed), its surface form (possessive removed), whether it is a content word, and the
   * vocabulary ids of both ({@code -1}: in no pattern) as of {@code epoch}. Immutable: a new epoch
   * replaces the cached Word.
   */
  static final class Word {
    final char[] written;
    final String stem;
    final String surface;
    final boolean content;
    final int epoch;
    final int stemId;
    final int surfaceId;

    Word(char[] written, String stem, String surface, boolean content, int epoch, Vocabulary v) {
      this.written = written;
      this.stem = stem;
      this.surface = surface;
      this.content = content;
      this.epoch = epoch;
      this.stemId = v == null ? -1 : v.stemId(stem);
      this.surfaceId = v == null ? -1 : v.surfaceId(surface);
    }

    Word at(int epoch, Vocabulary vocabulary) {
      return new Word(written, stem, surface, content, epoch, vocabulary);
    }
  }

  /**
   * Per-thread cache of words as written, an open-addressing table keyed by the tokenizer's
   * characters: articles reuse a small vocabulary, so nearly every word is one lookup, no String
   * built, no stemmer run. Each cache stops growing at 100,000 words.
   */
  private static final class WordCache {
    static final int MAX_ENTRIES = 100_000;
    private int[] hashes = new int[8192];
    private Word[] words = new Word[8192];
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

    Word of(char[] buffer, int length, int epoch, Vocabulary vocabulary) {
      int h = length;
      int i = 0;
      for (; i + 1 < length; i += 2) h = 961 * h + 31 * buffer[i] + buffer[i + 1];
      if (i < length) h = 31 * h + buffer[i];
      h ^= h >>> 15;
      int mask = words.length - 1;
      int slot = h & mask;
      Word word;
      while ((word = words[slot]) != null) {
        if (hashes[slot] == h && sameChars(word.written, buffer, length)) {
          if (word.epoch != epoch) words[slot] = word = word.at(epoch, vocabulary);
          return word;
        }
        slot = (slot + 1) & mask;
      }
      word = make(buffer, length, epoch, vocabulary);
      if (size < MAX_ENTRIES) {
        hashes[slot] = h;
        words[slot] = word;
        if (++size * 2 > words.length) grow();
      }
      return word;
    }

    /** A plain loop: for words of a few characters it beats Arrays.equals' vectorised mismatch. */
    private static boolean sameChars(char[] written, char[] buffer, int length) {
      if (written.length != length) return false;
      for (int i = 0; i < length; i++) if (written[i] != buffer[i]) return false;
      return true;
    }

    private void grow() {
      int[] oldHashes = hashes;
      Word[] oldWords = words;
      hashes = new int[oldWords.length * 2];
      words = new Word[oldWords.length * 2];
      int mask = words.length - 1;
      for (int i = 0; i < oldWords.length; i++) {
        if (oldWords[i] == null) continue;
        int slot = oldHashes[i] & mask;
        while (words[slot] != null) slot = (slot + 1) & mask;
        hashes[slot] = oldHashes[i];
        words[slot] = oldWords[i];
      }
    }

    /** What EnglishPossessiveFilter, LowerCaseFilter and PorterStemFilter did, in that order. */
    private Word make(char[] buffer, int length, int epoch, Vocabulary vocabulary) {
      char[] written = Arrays.copyOf(buffer, length);
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
      String stem = stemmer.getCurrent();
      String asWritten = new String(written);
      String surface = asWritten.substring(0, surfaceEnd(asWritten, 0, length));
      return new Word(written, stem, surface, TermCounts.isContentWord(surface), epoch, vocabulary);
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
    Word[] words;
    int[] starts;
    int[] ends;
    int[] paragraphs;
    int[] sentences;
    byte[] zones;

    Builder(int capacity, int epoch) {
      this.epoch = epoch;
      words = new Word[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
      paragraphs = new int[capacity];
      sentences = new int[capacity];
      zones = new byte[capacity];
    }

    void add(Word word, int start, int end, byte zone, int paragraph, int sentence) {
      int i = size;
      if (i == words.length) grow();
      words[i] = word;
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
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      paragraphs = Arrays.copyOf(paragraphs, capacity);
      sentences = Arrays.copyOf(sentences, capacity);
      zones = Arrays.copyOf(zones, capacity);
    }

    AnalyzedText build(String title, String body, Vocabulary vocabulary) {
      return new AnalyzedText(
          title, body, size, words, starts, ends, paragraphs, sentences, zones, vocabulary, epoch);
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
