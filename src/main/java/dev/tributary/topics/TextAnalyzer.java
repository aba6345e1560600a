package dev.tributary.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into stemmed words with offsets, paragraphs and sentences. Stop words are kept so
 * that phrases such as "risk of addiction" match word for word. Thread-safe.
 */
public final class TextAnalyzer {
  /** Sentences in the body that count as the lead. */
  static final int LEAD_SENTENCES = 3;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;]|\\R");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern POSSESSIVE = Pattern.compile("['’＇][sS]?$");

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          StandardTokenizer source = new StandardTokenizer();
          TokenStream stream = new EnglishPossessiveFilter(source);
          stream = new LowerCaseFilter(stream);
          return new TokenStreamComponents(source, new PorterStemFilter(stream));
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
    List<Token> tokens = new ArrayList<>();
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
          String gap = text.substring(previousEnd, start);
          paragraph += LINE_BREAK.matcher(gap).find() ? 1 : 0;
          sentence += SENTENCE_END.matcher(gap).find() ? 1 : 0;
        }
        Token.Zone where = zone == Token.Zone.BODY && sentence < leadEnd ? Token.Zone.LEAD : zone;
        String surface =
            POSSESSIVE.matcher(text.substring(start, offset.endOffset())).replaceFirst("");
        out.add(
            new Token(
                term.toString(), surface, start, offset.endOffset(), where, paragraph, sentence));
        previousEnd = offset.endOffset();
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Cursor(paragraph, sentence);
  }

  private record Cursor(int paragraph, int sentence) {}
}
