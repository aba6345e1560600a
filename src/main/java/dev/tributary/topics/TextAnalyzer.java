package dev.tributary.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
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
    Builder out = new Builder((safeTitle.length() + safeBody.length()) / 5 + 16, vocabulary.epoch);
    collect(safeTitle, TITLE, 0, 0, 0, out);
    int sentence = out.sentence + 1;
    collect(safeBody, BODY, 1, sentence, sentence + LEAD_SENTENCES, out);
    return out.build(safeTitle, safeBody, vocabulary);
  }

  private void collect(
      String text, byte zone, int paragraph, int sentence, int leadEnd, Builder out) {
    WordCache cache = words.get();
    int previousEnd = -1;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        if (previousEnd >= 0) {
          boolean lineBreak = false;
          boolean sentenceEnd = false;
          for (int i = previousEnd; i < start; i++) {
            char c = text.charAt(i);
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
   * vocabulary ids of both as of {@code epoch}.
   */
  private static final class Word {
    final String stem;
    final String surface;
    final boolean content;
    int epoch = -1;
    int stemId = -1;
    int surfaceId = -1;

    Word(String stem, String surface) {
      this.stem = stem;
      this.surface = surface;
      this.content = TermCounts.isContentWord(surface);
    }
  }

  /**
   * Per-thread cache of words as written: articles reuse a small vocabulary, so nearly every word
   * is one lookup by its characters, no String built, no stemmer run. Each cache stops growing at
   * 100,000 words.
   */
  private static final class WordCache {
    static final int MAX_ENTRIES = 100_000;
    private final CharArrayMap<Word> cache = new CharArrayMap<>(4096, false);
    private final PorterStemmer stemmer = new PorterStemmer();
    private char[] scratch = new char[64];

    Word of(char[] buffer, int length, int epoch, Vocabulary vocabulary) {
      Word word = cache.get(buffer, 0, length);
      if (word == null) {
        word = make(buffer, length);
        if (cache.size() < MAX_ENTRIES) cache.put(Arrays.copyOf(buffer, length), word);
      }
      if (word.epoch != epoch) {
        word.stemId = vocabulary.stemId(word.stem);
        word.surfaceId = vocabulary.surfaceId(word.surface);
        word.epoch = epoch;
      }
      return word;
    }

    /** What EnglishPossessiveFilter, LowerCaseFilter and PorterStemFilter did, in that order. */
    private Word make(char[] buffer, int length) {
      String written = new String(buffer, 0, length);
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
      return new Word(stem, written.substring(0, surfaceEnd(written, 0, length)));
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
    String[] stems;
    int[] starts;
    int[] ends;
    int[] paragraphs;
    int[] sentences;
    byte[] zones;
    boolean[] contentWords;
    int[] stemIds;
    int[] surfaceIds;

    Builder(int capacity, int epoch) {
      this.epoch = epoch;
      stems = new String[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
      paragraphs = new int[capacity];
      sentences = new int[capacity];
      zones = new byte[capacity];
      contentWords = new boolean[capacity];
      stemIds = new int[capacity];
      surfaceIds = new int[capacity];
    }

    void add(Word word, int start, int end, byte zone, int paragraph, int sentence) {
      int i = size;
      if (i == stems.length) grow();
      stems[i] = word.stem;
      starts[i] = start;
      ends[i] = end;
      paragraphs[i] = paragraph;
      sentences[i] = sentence;
      zones[i] = zone;
      contentWords[i] = word.content;
      stemIds[i] = word.stemId;
      surfaceIds[i] = word.surfaceId;
      size = i + 1;
    }

    private void grow() {
      int capacity = Math.max(16, stems.length * 2);
      stems = Arrays.copyOf(stems, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      paragraphs = Arrays.copyOf(paragraphs, capacity);
      sentences = Arrays.copyOf(sentences, capacity);
      zones = Arrays.copyOf(zones, capacity);
      contentWords = Arrays.copyOf(contentWords, capacity);
      stemIds = Arrays.copyOf(stemIds, capacity);
      surfaceIds = Arrays.copyOf(surfaceIds, capacity);
    }

    AnalyzedText build(String title, String body, Vocabulary vocabulary) {
      return new AnalyzedText(
          title,
          body,
          size,
          stems,
          starts,
          ends,
          paragraphs,
          sentences,
          zones,
          contentWords,
          stemIds,
          surfaceIds,
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
