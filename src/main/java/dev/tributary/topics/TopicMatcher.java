package dev.tributary.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds every term, phrase, acronym, exclusion and negation of every topic in one pass over an
 * article. Patterns live in two word tries (stems, and surface forms for acronyms); at each word
 * the matcher walks at most {@code longestPattern} steps, so cost follows article length, not the
 * number of topics.
 */
public final class TopicMatcher {

  /** What a matched pattern means for its topic. */
  public enum Kind {
    SIGNAL,
    EXCLUSION,
    NEGATION,
    CONTEXT
  }

  /**
   * A pattern found in the text.
   *
   * @param topic index into the taxonomy's topics, or -1 for a negation or a context word
   * @param first index of the first word
   * @param last index of the last word, inclusive
   */
  public record Match(int topic, Kind kind, int first, int last) {}

  private record Entry(int topic, Kind kind) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    final List<Entry> entries = new ArrayList<>(1);
  }

  private final Node stems = new Node();
  private final Node surfaces = new Node();
  private int longestPattern = 1;

  public TopicMatcher(Taxonomy taxonomy, TextAnalyzer analyzer) {
    List<Topic> topics = taxonomy.topics();
    for (int i = 0; i < topics.size(); i++) {
      Topic topic = topics.get(i);
      Entry signal = new Entry(i, Kind.SIGNAL);
      for (String term : topic.terms()) {
        add(stems, analyzer.words(term), Token::stem, signal, topic, term);
      }
      for (String phrase : topic.phrases()) {
        add(stems, analyzer.words(phrase), Token::stem, signal, topic, phrase);
      }
      for (String acronym : topic.acronyms()) {
        add(surfaces, analyzer.words(acronym), Token::surface, signal, topic, acronym);
      }
      for (String phrase : topic.exclude()) {
        add(
            stems,
            analyzer.words(phrase),
            Token::stem,
            new Entry(i, Kind.EXCLUSION),
            topic,
            phrase);
      }
    }
    for (String cue : taxonomy.negations()) {
      add(stems, analyzer.words(cue), Token::stem, new Entry(-1, Kind.NEGATION), null, cue);
    }
    for (String word : taxonomy.context()) {
      add(stems, analyzer.words(word), Token::stem, new Entry(-1, Kind.CONTEXT), null, word);
    }
  }

  public List<Match> find(AnalyzedText text) {
    List<Token> tokens = text.tokens();
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      walk(stems, tokens, i, Token::stem, matches);
      walk(surfaces, tokens, i, Token::surface, matches);
    }
    return matches;
  }

  private void walk(
      Node root, List<Token> tokens, int first, Function<Token, String> key, List<Match> out) {
    Node node = root;
    int sentence = tokens.get(first).sentence();
    int end = Math.min(tokens.size(), first + longestPattern);
    for (int j = first; j < end && tokens.get(j).sentence() == sentence; j++) {
      node = node.next.get(key.apply(tokens.get(j)));
      if (node == null) {
        return;
      }
      for (Entry entry : node.entries) {
        out.add(new Match(entry.topic(), entry.kind(), first, j));
      }
    }
  }

  private void add(
      Node root,
      List<Token> words,
      Function<Token, String> key,
      Entry entry,
      Topic topic,
      String pattern) {
    if (words.isEmpty()) {
      String owner = topic == null ? "negations or context" : "topic '" + topic.slug() + "'";
      throw new TaxonomyException(owner + ": \"" + pattern + "\" contains no words");
    }
    Node node = root;
    for (Token word : words) {
      node = node.next.computeIfAbsent(key.apply(word), k -> new Node());
    }
    if (!node.entries.contains(entry)) {
      node.entries.add(entry);
    }
    longestPattern = Math.max(longestPattern, words.size());
  }
}
