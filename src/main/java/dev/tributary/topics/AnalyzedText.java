package dev.tributary.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An article as the matcher sees it: the title's and the body's words in order.
 *
 * <p>The words are kept as parallel arrays (index = word number) so analysing an article builds no
 * object per word; {@link #tokens()} makes {@link Token}s on first use, for callers that want them.
 * Each word also carries the ids its stem and its surface form have in the analyzer's vocabulary of
 * pattern words ({@code -1}: in no pattern), which the matcher's tries are keyed by.
 */
public final class AnalyzedText {
  private static final Token.Zone[] ZONES = Token.Zone.values();

  private final String title;
  private final String body;
  final int size;
  final TextAnalyzer.Word[] words;

  /** Ids of the words' stems and surfaces in {@link #vocabulary}; null when it is. */
  final int[] stemIds;

  final int[] surfaceIds;

  final int[] starts;
  final int[] ends;
  final int[] paragraphs;
  final int[] sentences;
  final byte[] zones;

  /** The vocabulary the words' ids come from, and its epoch then. */
  final TextAnalyzer.Vocabulary vocabulary;

  final int epoch;

  private List<Token> tokens;

  public AnalyzedText(String title, String body, List<Token> tokens) {
    this.title = title;
    this.body = body;
    this.size = tokens.size();
    this.words = new TextAnalyzer.Word[size];
    this.starts = new int[size];
    this.ends = new int[size];
    this.paragraphs = new int[size];
    this.sentences = new int[size];
    this.zones = new byte[size];
    for (int i = 0; i < size; i++) {
      Token t = tokens.get(i);
      String surface = t.surface();
      words[i] = new TextAnalyzer.Word(t.stem(), surface, TermCounts.isContentWord(surface));
      starts[i] = t.start();
      ends[i] = t.end();
      paragraphs[i] = t.paragraph();
      sentences[i] = t.sentence();
      zones[i] = (byte) t.zone().ordinal();
    }
    this.stemIds = null;
    this.surfaceIds = null;
    this.vocabulary = null;
    this.epoch = -1;
    this.tokens = List.copyOf(tokens);
  }

  AnalyzedText(
      String title,
      String body,
      int size,
      TextAnalyzer.Word[] words,
      int[] stemIds,
      int[] surfaceIds,
      int[] starts,
      int[] ends,
      int[] paragraphs,
      int[] sentences,
      byte[] zones,
      TextAnalyzer.Vocabulary vocabulary,
      int epoch) {
    this.title = title;
    this.body = body;
    this.size = size;
    this.words = words;
    this.stemIds = stemIds;
    this.surfaceIds = surfaceIds;
    this.starts = starts;
    this.ends = ends;
    this.paragraphs = paragraphs;
    this.sentences = sentences;
    this.zones = zones;
    this.vocabulary = vocabulary;
    this.epoch = epoch;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  /** The words, as {@link Token}s (made on the first call). */
  public List<Token> tokens() {
    List<Token> list = tokens;
    if (list == null) {
      List<Token> made = new ArrayList<>(size);
      for (int i = 0; i < size; i++) made.add(token(i));
      list = Collections.unmodifiableList(made);
      tokens = list;
    }
    return list;
  }

  /** Number of words. */
  int size() {
    return size;
  }

  /** Number of words in the body (after the title's). */
  int bodyWords() {
    int titleWords = 0;
    byte title = (byte) Token.Zone.TITLE.ordinal();
    while (titleWords < size && zones[titleWords] == title) titleWords++;
    return size - titleWords;
  }

  String stem(int i) {
    return words[i].stem;
  }

  boolean isContentWord(int i) {
    return words[i].content;
  }

  Token token(int i) {
    return new Token(
        words[i].stem, surface(i), starts[i], ends[i], zone(i), paragraphs[i], sentences[i]);
  }

  Token.Zone zone(int i) {
    return ZONES[zones[i]];
  }

  /** The text of word {@code i}'s zone. */
  String source(int i) {
    return zones[i] == Token.Zone.TITLE.ordinal() ? title : body;
  }

  /** Word {@code i} as written, without a trailing possessive ('s, ’s, or a lone apostrophe). */
  String surface(int i) {
    String text = source(i);
    return text.substring(starts[i], TextAnalyzer.surfaceEnd(text, starts[i], ends[i]));
  }

  /** The raw text between two words of the same zone, {@code first} before {@code second}. */
  public String between(Token first, Token second) {
    String source = first.zone() == Token.Zone.TITLE ? title : body;
    return source.substring(first.end(), Math.max(first.end(), second.start()));
  }
}
