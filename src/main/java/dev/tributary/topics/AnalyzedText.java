package dev.tributary.topics;

import java.util.List;

/** An article as the matcher sees it: the title's and the body's words in order. */
public record AnalyzedText(String title, String body, List<Token> tokens) {

  public AnalyzedText {
    tokens = List.copyOf(tokens);
  }

  /** The raw text between two words of the same zone, {@code first} before {@code second}. */
  public String between(Token first, Token second) {
    String source = first.zone() == Token.Zone.TITLE ? title : body;
    return source.substring(first.end(), Math.max(first.end(), second.start()));
  }
}
