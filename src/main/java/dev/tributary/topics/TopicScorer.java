package dev.tributary.topics;

import dev.tributary.topics.TopicMatcher.Kind;
import dev.tributary.topics.TopicMatcher.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns matches into one score in [0,1] per topic; the formula and its reasons are in
 * docs/TOPICS.md.
 */
public final class TopicScorer {
  static final double TITLE_WEIGHT = 3.0;
  static final double LEAD_WEIGHT = 2.0;
  static final double BODY_WEIGHT = 1.0;
  static final double LIST_FACTOR = 0.6;
  static final double REPEAT_DECAY = 0.8;
  static final double SATURATION = 4.0;
  static final int EXCLUSION_WINDOW = 6;
  static final int NEGATION_WINDOW = 4;

  /** Only commas, brackets, slashes, "and", "or" between two topics: they are listed. */
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile("[\\s()\\[\\]]*(,|/|;|\\band\\b|\\bor\\b|,\\s*(and|or)\\b)[\\s()\\[\\]]*");

  /**
   * One counted mention of a topic, after vetoes and merging of touching matches.
   *
   * @param first index of its first token
   * @param last index of its last token
   * @param weight zone weight times the list factor
   */
  public record Hit(
      int topic, int first, int last, int paragraph, Token.Zone zone, double weight) {}

  /** Scores of the topics with any evidence, keyed by index into the taxonomy's topics. */
  public Map<Integer, Double> score(AnalyzedText text, List<Match> matches) {
    Map<Integer, Double> evidence = new HashMap<>();
    contributions(hits(text, matches))
        .forEach((hit, contribution) -> evidence.merge(hit.topic(), contribution, Double::sum));
    Map<Integer, Double> scores = new HashMap<>();
    evidence.forEach((topic, e) -> scores.put(topic, scoreOf(e)));
    return scores;
  }

  /** The evidence → score curve: saturating, 0 for none, towards 1 for much. */
  public static double scoreOf(double evidence) {
    return 1 - Math.exp(-evidence / SATURATION);
  }

  /** The counted mentions of every topic, in text order. */
  public List<Hit> hits(AnalyzedText text, List<Match> matches) {
    List<Match> merged = mergeAdjacent(vetoed(matches, text.tokens()));
    merged.sort(Comparator.comparingInt(Match::first));
    List<Hit> hits = new ArrayList<>(merged.size());
    for (int i = 0; i < merged.size(); i++) {
      Match m = merged.get(i);
      Token first = text.tokens().get(m.first());
      double weight = zoneWeight(first.zone()) * (isListed(i, merged, text) ? LIST_FACTOR : 1);
      hits.add(new Hit(m.topic(), m.first(), m.last(), first.paragraph(), first.zone(), weight));
    }
    return hits;
  }

  /**
   * What each hit adds to its topic's evidence: within a paragraph, hits by falling weight add with
   * decay (w1 + 0.7·w2 + 0.49·w3 …); each further paragraph starts afresh.
   */
  public static Map<Hit, Double> contributions(List<Hit> hits) {
    Map<List<Integer>, List<Hit>> groups = new HashMap<>();
    for (Hit h : hits)
      groups.computeIfAbsent(List.of(h.topic(), h.paragraph()), k -> new ArrayList<>()).add(h);
    Map<Hit, Double> contributions = new java.util.LinkedHashMap<>();
    for (Hit h : hits) contributions.put(h, 0.0);
    for (List<Hit> group : groups.values()) {
      group.sort(Comparator.comparingDouble(Hit::weight).reversed().thenComparingInt(Hit::first));
      double factor = 1;
      for (Hit h : group) {
        contributions.put(h, h.weight() * factor);
        factor *= REPEAT_DECAY;
      }
    }
    return contributions;
  }

  private static double zoneWeight(Token.Zone zone) {
    return switch (zone) {
      case TITLE -> TITLE_WEIGHT;
      case LEAD -> LEAD_WEIGHT;
      case BODY -> BODY_WEIGHT;
    };
  }

  /** Hits sorted by position; a hit is listed when a neighbour of another topic is. */
  private static boolean isListed(int index, List<Match> hits, AnalyzedText text) {
    Match hit = hits.get(index);
    for (int step : new int[] {-1, 1}) {
      for (int j = index + step; j >= 0 && j < hits.size(); j += step) {
        Match other = hits.get(j);
        if (!sameSentence(hit, other, text.tokens())) {
          break;
        }
        if (other.topic() != hit.topic() && separatedByList(hit, other, text)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean separatedByList(Match a, Match b, AnalyzedText text) {
    Match before = a.first() < b.first() ? a : b;
    Match after = before == a ? b : a;
    if (before.last() >= after.first()) {
      return false;
    }
    String between =
        text.between(text.tokens().get(before.last()), text.tokens().get(after.first()));
    return LIST_SEPARATOR.matcher(between).matches();
  }

  private static List<Match> vetoed(List<Match> matches, List<Token> tokens) {
    List<Match> vetoes =
        matches.stream()
            .filter(m -> m.kind() == Kind.EXCLUSION || m.kind() == Kind.NEGATION)
            .toList();
    List<Match> signals = new ArrayList<>();
    for (Match match : matches) {
      if (match.kind() == Kind.SIGNAL && !isVetoed(match, vetoes, tokens)) {
        signals.add(match);
      }
    }
    return signals;
  }

  private static boolean isVetoed(Match signal, List<Match> vetoes, List<Token> tokens) {
    for (Match veto : vetoes) {
      if (!sameSentence(signal, veto, tokens)) {
        continue;
      }
      if (veto.kind() == Kind.EXCLUSION
          && veto.topic() == signal.topic()
          && gap(signal, veto) <= EXCLUSION_WINDOW) {
        return true;
      }
      if (veto.kind() == Kind.NEGATION
          && veto.last() < signal.first()
          && signal.first() - veto.last() - 1 <= NEGATION_WINDOW) {
        return true;
      }
    }
    return false;
  }

  /** Overlapping or touching matches of one topic are one mention ("PTSD" after its expansion). */
  private static List<Match> mergeAdjacent(List<Match> signals) {
    List<Match> sorted = new ArrayList<>(signals);
    sorted.sort(Comparator.comparingInt(Match::topic).thenComparingInt(Match::first));
    List<Match> merged = new ArrayList<>();
    for (Match match : sorted) {
      Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.topic() == match.topic() && match.first() <= last.last() + 1) {
        merged.set(
            merged.size() - 1,
            new Match(
                last.topic(), last.kind(), last.first(), Math.max(last.last(), match.last())));
      } else {
        merged.add(match);
      }
    }
    return merged;
  }

  private static int gap(Match a, Match b) {
    if (a.last() < b.first()) {
      return b.first() - a.last() - 1;
    }
    return b.last() < a.first() ? a.first() - b.last() - 1 : 0;
  }

  private static boolean sameSentence(Match a, Match b, List<Token> tokens) {
    return tokens.get(a.first()).sentence() == tokens.get(b.first()).sentence();
  }
}
