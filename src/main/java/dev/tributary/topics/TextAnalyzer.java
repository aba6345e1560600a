package dev.tributary.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Splits text into stemmed words with offsets, paragraphs and sentences. Stop words are kept so
 * that phrases such as "risk of addiction" match word for word. Thread-safe.
 */
public final class TextAnalyzer {
  /** Sentences in the body that count as the lead. */
  static final int LEAD_SENTENCES = 3;

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          StandardTokenizer source = new StandardTokenizer();
          TokenStream stream = new EnglishPossessiveFilter(source);
          return new TokenStreamComponents(source, new LowerCaseFilter(stream));
        }
      };

  /** The words of one phrase or term, as {@link #analyze} would produce them. */
  public List<Token> words(String phrase) {
    List<Token> tokens = new ArrayList<>();
    collect(phrase, Token.Zone.BODY, new Cursor(0, 0), Integer.MAX_VALUE, tokens);
    return tokens;
  }

  public AnalyzedText analyze(String title, String body) {
    String safeTitle = title == null ? "" : title;
    String safeBody = body == null ? "" : body;
    List<Token> tokens = new ArrayList<>((safeTitle.length() + safeBody.length()) / 5 + 16);
    Cursor afterTitle = collect(safeTitle, Token.Zone.TITLE, new Cursor(0, 0), 0, tokens);
    collect(
        safeBody,
        Token.Zone.BODY,
        new Cursor(1, afterTitle.sentence + 1),
        afterTitle.sentence + 1 + LEAD_SENTENCES,
        tokens);
    return new AnalyzedText(safeTitle, safeBody, tokens);
  }

  private Cursor collect(
      String text, Token.Zone zone, Cursor cursor, int leadEnd, List<Token> out) {
    int paragraph = cursor.paragraph;
    int sentence = cursor.sentence;
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
          paragraph += lineBreak ? 1 : 0;
          sentence += lineBreak || sentenceEnd ? 1 : 0;
        }
        Token.Zone where = zone == Token.Zone.BODY && sentence < leadEnd ? Token.Zone.LEAD : zone;
        String surface = withoutPossessive(text, start, offset.endOffset());
        out.add(
            new Token(
                stems.get().of(term),
                surface,
                start,
                offset.endOffset(),
                where,
                paragraph,
                sentence));
        previousEnd = offset.endOffset();
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Cursor(paragraph, sentence);
  }

  /**
   * Porter stems (Lucene's bundled Snowball stemmer) through a per-thread cache of word to stem:
   * articles reuse a small vocabulary, so nearly every word is a lookup by its characters, no
   * String built, no stemmer run; and the stem is one shared String whose hash is computed once,
   * which the matcher's maps then use. Each cache stops growing at 100,000 words.
   */
  private final ThreadLocal<StemCache> stems = ThreadLocal.withInitial(StemCache::new);

  private static final class StemCache {
    static final int MAX_ENTRIES = 100_000;
    private final CharArrayMap<String> cache = new CharArrayMap<>(4096, false);
    private final PorterStemmer stemmer = new PorterStemmer();

    String of(CharTermAttribute term) {
      String stem = cache.get(term.buffer(), 0, term.length());
      if (stem != null) return stem;
      String word = term.toString();
      stemmer.setCurrent(word);
      stemmer.stem();
      stem = stemmer.getCurrent();
      if (cache.size() < MAX_ENTRIES) cache.put(word, stem);
      return stem;
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

  /** The word as written, without a trailing possessive ('s, ’s, or a lone apostrophe). */
  private static String withoutPossessive(String text, int start, int end) {
    if (end - start >= 2
        && isApostrophe(text.charAt(end - 2))
        && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
      end -= 2;
    } else if (end - start >= 1 && isApostrophe(text.charAt(end - 1))) {
      end -= 1;
    }
    return text.substring(start, end);
  }

  private record Cursor(int paragraph, int sentence) {}
}
