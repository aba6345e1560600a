package dev.tributary.topics;

import dev.tributary.topics.TopicMatcher.Kind;
import dev.tributary.topics.TopicMatcher.Match;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * By topic index: whether the topic is itself spoken of as lists ({@link Topic#listsOfItsOwn}).
   */
  private final boolean[] listsOfItsOwn;

  /** By topic index: whether the topic is a kind of another (it never gets the paragraph focus). */
  private final boolean[] subTopic;

  public TopicScorer(Taxonomy taxonomy) {
    List<Topic> topics = taxonomy.topics();
    this.listsOfItsOwn = new boolean[topics.size()];
    this.subTopic = new boolean[topics.size()];
    for (int i = 0; i < topics.size(); i++) subTopic[i] = topics.get(i).parent() != null;
    for (int i = 0; i < topics.size(); i++) listsOfItsOwn[i] = topics.get(i).listsOfItsOwn();
  }

  /**
   * One counted mention of a topic, after vetoes and merging of touching matches.
   *
   * @param first index of its first token
   * @param last index of its last token
   * @param sentence the sentence it is in, counted over the whole text: repeats decay within it
   * @param weight zone weight times the list factor
   */
  public record Hit(
      int topic,
      int first,
      int last,
      int paragraph,
      int sentence,
      Token.Zone zone,
      double weight,
      boolean reference) {}

  /** Scores of the topics with any evidence, keyed by index into the taxonomy's topics. */
  public Map<Integer, Double> score(AnalyzedText text, List<Match> matches) {
    Hits hits = count(text, matches);
    int n = hits.size;
    double[] contribution =
        contributions(n, hits.topic, hits.sentence, hits.weight, hits.first, true);
    // Evidence per topic, summed in text order as the hits come.
    int[] topics = new int[n];
    double[] evidence = new double[n];
    int distinct = 0;
    for (int h = 0; h < n; h++) {
      int t = hits.topic[h];
      int k = 0;
      while (k < distinct && topics[k] != t) k++;
      if (k == distinct) {
        topics[distinct++] = t;
        evidence[k] = contribution[h];
      } else {
        evidence[k] += contribution[h];
      }
    }
    int[] builtAround = paragraphsBuiltAround(hits, text, plainlyInTheField(matches));
    for (int k = 0; k < distinct; k++) {
      if (builtAround[topics[k]] > 0) evidence[k] += PARAGRAPH_FOCUS;
    }
    double saturation = saturation(text);
    Map<Integer, Double> scores = new HashMap<>();
    for (int k = 0; k < distinct; k++) scores.put(topics[k], scoreOf(evidence[k], saturation));
    return scores;
  }

  /**
   * The share of the saturation that follows the text's length; the rest holds at any length (what
   * a title or a first sentence says). The smallest share at which one first-sentence mention (2)
   * still clears the default threshold in a feed item of {@link #LONGEST_ITEM} body words: see
   * docs/TOPICS.md, "Length".
   */
  static final double LENGTH_SHARE = 0.6;

  /** The longest body of a short feed item: a title and one to four sentences, up to 80 words. */
  static final int LONGEST_ITEM = 80;

  /**
   * The least saturation at any length: one mention outside the title and the lead (1) stays below
   * 0.39, the lowest threshold of the shipped taxonomy (ketamine's), however short the item: {@code
   * 1 / −ln(1 − 0.39)} = 2.024. A passing mention is never enough.
   */
  static final double MIN_SATURATION = 2.03;

  /**
   * Body words from which a text is a full article and the saturation is {@link #SATURATION}: the
   * length of a lead and the three paragraphs the rules for long articles assume.
   */
  static final int FULL_LENGTH = 150;

  /**
   * What a body paragraph built around a topic adds to the topic's evidence in a full article: two
   * of its sentences name the topic, in two different words. Two such mentions (2) and this reach
   * the default threshold at a full article's saturation ({@code 4 · ln 2} = 2.77), as the rule for
   * long articles has it: the subject, or a paragraph built around the topic. One word said twice
   * is not enough (a cash "infusion" twice in a finance paragraph) unless the article is
   * {@linkplain #plainlyInTheField plainly in the field}, and two words in one sentence never are
   * (a list); see docs/TOPICS.md, "A paragraph built around a topic".
   */
  static final double PARAGRAPH_FOCUS = 0.8;

  /**
   * Distinct words of the field's context from which an article is plainly in the field, and one
   * word said in two sentences of a paragraph is enough for the paragraph to be built around it.
   * Over the 70 long sets, no off-domain article has more than 6 (a finance story's "infusion"
   * repeated comes with none or few), while nine in ten in-domain articles have 12 or more and nine
   * in ten hard negatives 9 or more; see docs/TOPICS.md, "A paragraph built around a topic".
   */
  static final int FIELD_WORDS_FOR_ONE_WORD = 8;

  /** Whether the article has {@link #FIELD_WORDS_FOR_ONE_WORD} distinct context words or more. */
  static boolean plainlyInTheField(List<Match> matches) {
    return TopicMatcher.hasFieldWords(matches, FIELD_WORDS_FOR_ONE_WORD);
  }

  /**
   * What a counted mention ("five different antidepressants", a taxonomy's {@code counted}) weighs
   * in a full article, against a named one's 1: the count is the topic's definition stated as a
   * fact of the case (two or more antidepressants that did not work), so it says as much as the
   * topic named twice. In a short item the title and the first sentence decide, and a count later
   * in it stays a detail; see docs/TOPICS.md, "A count in a full article".
   */
  static final double COUNTED_WEIGHT = 2.0;

  /**
   * What a reference back to a topic weighs against a mention's 1 ({@link Topic#references}: "the
   * drug" once the article has named ketamine): long articles in everyday words name their subject
   * once and then say "the drug", "the treatment", "the drip". Half a mention, and at most {@link
   * #MAX_REFERENCES} of them count, so that a name and its references weigh two mentions at most,
   * and they build no paragraph around the topic ({@link #PARAGRAPH_FOCUS}); see docs/TOPICS.md,
   * "The drug, once named".
   */
  static final double REFERENCE_WEIGHT = 0.5;

  /** References to one topic that count in an article, at most. */
  static final int MAX_REFERENCES = 2;

  /**
   * By topic index, the first body paragraph of a full article in which two hits of the topic are
   * in different sentences and start with different words (or with the same word, when {@code
   * oneWord}: the article is plainly in the field), and no mention of it is vetoed (a paragraph
   * that sets a topic aside — "a well-tolerated side effect profile" — is not built around it); 0
   * when none is, and for sub-topics. Two such hits exist exactly when a paragraph's hits span two
   * sentences and two words, which one pass in text order sees: each hit against its paragraph's
   * first.
   */
  private int[] paragraphsBuiltAround(Hits hits, AnalyzedText text, boolean oneWord) {
    int topics = subTopic.length;
    int[] built = new int[topics];
    if (text.bodyWords() < FULL_LENGTH) return built;
    int[] paragraph = new int[topics];
    int[] sentence = new int[topics];
    String[] word = new String[topics];
    boolean[] otherSentence = new boolean[topics];
    boolean[] otherWord = new boolean[topics];
    for (int h = 0; h < hits.size; h++) {
      int t = hits.topic[h];
      int p = hits.paragraph[h];
      if (built[t] > 0 || subTopic[t] || p < 1 || hits.reference[h]) continue;
      String stem = text.stem(hits.first[h]);
      if (paragraph[t] != p) {
        paragraph[t] = p;
        sentence[t] = hits.sentence[h];
        word[t] = stem;
        otherSentence[t] = false;
        otherWord[t] = false;
        continue;
      }
      otherSentence[t] |= hits.sentence[h] != sentence[t];
      otherWord[t] |= oneWord || !stem.equals(word[t]);
      if (otherSentence[t] && otherWord[t] && !vetoedIn(t, p, hits)) built[t] = p;
    }
    return built;
  }

  private static boolean vetoedIn(int t, int paragraph, Hits hits) {
    for (int v = 0; v < hits.vetoes; v++) {
      if (hits.vetoTopic[v] == t && hits.vetoParagraph[v] == paragraph) return true;
    }
    return false;
  }

  /**
   * The paragraph built around topic {@code t} (see {@link #PARAGRAPH_FOCUS}) among {@code hits}
   * and {@code vetoed}, as {@link #hits} and {@link #vetoed} give them; 0 when none is.
   */
  public int paragraphBuiltAround(
      int t, List<Hit> hits, List<Vetoed> vetoed, List<Match> matches, AnalyzedText text) {
    Hits a = arrays(hits);
    a.vetoes = vetoed.size();
    a.vetoTopic = new int[a.vetoes];
    a.vetoParagraph = new int[a.vetoes];
    for (int v = 0; v < a.vetoes; v++) {
      a.vetoTopic[v] = vetoed.get(v).topic();
      a.vetoParagraph[v] = text.paragraphs[vetoed.get(v).first()];
    }
    return paragraphsBuiltAround(a, text, plainlyInTheField(matches))[t];
  }

  /** Hits as the scorer's parallel arrays. */
  private static Hits arrays(List<Hit> list) {
    int n = list.size();
    Hits hits = new Hits(n);
    for (int h = 0; h < n; h++) {
      Hit hit = list.get(h);
      hits.topic[h] = hit.topic();
      hits.first[h] = hit.first();
      hits.last[h] = hit.last();
      hits.paragraph[h] = hit.paragraph();
      hits.sentence[h] = hit.sentence();
      hits.weight[h] = hit.weight();
      hits.reference[h] = hit.reference();
    }
    return hits;
  }

  /** The saturation for this text: {@link #saturation(int)} of its body's words. */
  public static double saturation(AnalyzedText text) {
    return saturation(text.bodyWords());
  }

  /**
   * {@code SATURATION · (1 − LENGTH_SHARE + LENGTH_SHARE · min(1, words / FULL_LENGTH))}, at least
   * {@link #MIN_SATURATION}: pivoted length normalisation, as in BM25, capped at a full article's.
   */
  public static double saturation(int bodyWords) {
    double length = Math.min(1.0, (double) bodyWords / FULL_LENGTH);
    return Math.max(MIN_SATURATION, SATURATION * (1 - LENGTH_SHARE + LENGTH_SHARE * length));
  }

  /** The evidence → score curve: saturating, 0 for none, towards 1 for much. */
  public static double scoreOf(double evidence, double saturation) {
    return 1 - Math.exp(-evidence / saturation);
  }

  /**
   * A mention that a veto cancelled.
   *
   * @param by the vetoing match: an exclusion or sense of the topic, or a negation cue
   */
  public record Vetoed(int topic, int first, int last, Match by) {}

  /** The mentions that vetoes cancelled, in the matcher's order: what explanations show. */
  public List<Vetoed> vetoed(AnalyzedText text, List<Match> matches) {
    List<Match> vetoes = new ArrayList<>();
    for (Match match : matches) if (isVeto(match.kind())) vetoes.add(match);
    List<Vetoed> vetoed = new ArrayList<>();
    if (vetoes.isEmpty()) return vetoed;
    Match[] all = vetoes.toArray(new Match[0]);
    boolean[] field = fieldWords(matches, text);
    int[] otherField = readInOtherField(all, matches, text, field);
    for (Match match : matches) {
      if (match.kind() != Kind.SIGNAL) continue;
      Match by = vetoOf(match, all, text, otherField, field);
      if (by != null) vetoed.add(new Vetoed(match.topic(), match.first(), match.last(), by));
    }
    return vetoed;
  }

  /** The counted mentions of every topic, in text order. */
  public List<Hit> hits(AnalyzedText text, List<Match> matches) {
    Hits hits = count(text, matches);
    List<Hit> list = new ArrayList<>(hits.size);
    for (int h = 0; h < hits.size; h++) {
      list.add(
          new Hit(
              hits.topic[h],
              hits.first[h],
              hits.last[h],
              hits.paragraph[h],
              hits.sentence[h],
              text.zone(hits.first[h]),
              hits.weight[h],
              hits.reference[h]));
    }
    return list;
  }

  /**
   * What each hit adds to its topic's evidence: within a sentence, hits by falling weight add with
   * decay (w1 + 0.8·w2 + 0.64·w3 …); each further sentence starts afresh, so a topic that recurs
   * through the sentences of a paragraph is what the paragraph is built around.
   */
  public static Map<Hit, Double> contributions(List<Hit> hits) {
    int n = hits.size();
    Hits a = arrays(hits);
    double[] contribution = contributions(n, a.topic, a.sentence, a.weight, a.first, false);
    Map<Hit, Double> contributions = new LinkedHashMap<>();
    for (int h = 0; h < n; h++) contributions.put(hits.get(h), contribution[h]);
    return contributions;
  }

  /**
   * Hits grouped by (topic, sentence); in each group, by falling weight then position, the k-th
   * adds its weight times REPEAT_DECAY^k.
   */
  private static double[] contributions(
      int n, int[] topic, int[] sentence, double[] weight, int[] first, boolean textOrder) {
    int[] order = textOrder ? byTopicSentenceWeight(n, topic, sentence, weight) : null;
    if (order == null) order = byTopicSentenceWeightFirst(n, topic, sentence, weight, first);
    double[] contribution = new double[n];
    double factor = 1;
    for (int k = 0; k < n; k++) {
      int h = order[k];
      if (k > 0) {
        int p = order[k - 1];
        if (topic[p] != topic[h] || sentence[p] != sentence[h]) factor = 1;
      }
      contribution[h] = weight[h] * factor;
      factor *= REPEAT_DECAY;
    }
    return contribution;
  }

  private static final int BITS_20 = (1 << 20) - 1;
  private static final int BITS_21 = (1 << 21) - 1;

  /**
   * The order of {@link #byTopicSentenceWeightFirst} for hits in text order (a topic's hits by
   * rising first word), as one sort of packed {@code long}s: topic, sentence, rank of the weight
   * (falling), index. Null when a value does not fit its bits.
   */
  private static int[] byTopicSentenceWeight(int n, int[] topic, int[] sentence, double[] weight) {
    if (n > BITS_20) return null;
    double[] distinct = new double[8];
    int weights = 0;
    for (int h = 0; h < n; h++) {
      if (topic[h] < 0 || topic[h] > BITS_20 || sentence[h] < 0 || sentence[h] > BITS_20) {
        return null;
      }
      int w = 0;
      while (w < weights && Double.compare(distinct[w], weight[h]) != 0) w++;
      if (w == weights) {
        if (weights == distinct.length) return null;
        distinct[weights++] = weight[h];
      }
    }
    Arrays.sort(distinct, 0, weights);
    long[] keys = new long[n];
    for (int h = 0; h < n; h++) {
      int rank = 0; // 0 for the largest weight
      while (Double.compare(distinct[weights - 1 - rank], weight[h]) != 0) rank++;
      keys[h] = (long) topic[h] << 43 | (long) sentence[h] << 23 | (long) rank << 20 | (long) h;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) order[k] = (int) (keys[k] & BITS_20);
    return order;
  }

  private static int[] byTopicSentenceWeightFirst(
      int n, int[] topic, int[] sentence, double[] weight, int[] first) {
    int[] order = new int[n];
    for (int h = 0; h < n; h++) order[h] = h;
    sort(
        order,
        n,
        (a, b) -> {
          int c = Integer.compare(topic[a], topic[b]);
          if (c == 0) c = Integer.compare(sentence[a], sentence[b]);
          if (c == 0) c = Double.compare(weight[b], weight[a]);
          if (c == 0) c = Integer.compare(first[a], first[b]);
          return c;
        });
    return order;
  }

  /**
   * Indices {@code 0..n-1} ordered by {@code major} then {@code minor} (null: none), ties by index:
   * a stable sort, as one sort of packed {@code long}s when the values fit in 21 bits.
   */
  private static int[] orderBy(int n, int[] major, int[] minor) {
    boolean packed = n <= BITS_21;
    for (int i = 0; i < n && packed; i++) {
      packed =
          major[i] >= 0
              && major[i] <= BITS_21
              && (minor == null || (minor[i] >= 0 && minor[i] <= BITS_21));
    }
    int[] order = new int[n];
    if (packed) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = (long) major[i] << 42 | (minor == null ? 0 : (long) minor[i] << 21) | i;
      }
      Arrays.sort(keys);
      for (int k = 0; k < n; k++) order[k] = (int) (keys[k] & BITS_21);
      return order;
    }
    for (int i = 0; i < n; i++) order[i] = i;
    sort(
        order,
        n,
        (a, b) -> {
          int c = Integer.compare(major[a], major[b]);
          if (c == 0 && minor != null) c = Integer.compare(minor[a], minor[b]);
          return c;
        });
    return order;
  }

  /** The counted mentions, as parallel arrays in text order. */
  private static final class Hits {
    final int size;
    final int[] topic;
    final int[] first;
    final int[] last;
    final int[] paragraph;
    final int[] sentence;
    final double[] weight;
    final boolean[] reference;
    // the topic and paragraph of each vetoed mention
    int vetoes;
    int[] vetoTopic = new int[0];
    int[] vetoParagraph = new int[0];

    Hits(int size) {
      this.size = size;
      topic = new int[size];
      first = new int[size];
      last = new int[size];
      paragraph = new int[size];
      sentence = new int[size];
      weight = new double[size];
      reference = new boolean[size];
    }
  }

  private Hits count(AnalyzedText text, List<Match> matches) {
    int m = matches.size();
    // Vetoes: exclusions and negations.
    int vetoCount = 0;
    for (int i = 0; i < m; i++) {
      if (isVeto(matches.get(i).kind())) vetoCount++;
    }
    Match[] vetoes = new Match[vetoCount];
    if (vetoCount > 0) {
      int v = 0;
      for (int i = 0; i < m; i++) {
        Match match = matches.get(i);
        if (isVeto(match.kind())) vetoes[v++] = match;
      }
    }
    boolean[] field = vetoCount == 0 ? null : fieldWords(matches, text);
    int[] otherField = readInOtherField(vetoes, matches, text, field);
    // Signals that no veto cancels.
    int[] topic = new int[m];
    int[] first = new int[m];
    int[] last = new int[m];
    boolean[] counted = new boolean[m];
    boolean[] reference = new boolean[m];
    int n = 0;
    int vetoed = 0;
    int[] vetoTopic = new int[0];
    int[] vetoParagraph = new int[0];
    for (int i = 0; i < m; i++) {
      Match match = matches.get(i);
      if (match.kind() != Kind.SIGNAL) continue;
      if (!isVetoed(match, vetoes, text, otherField, field)) {
        topic[n] = match.topic();
        first[n] = match.first();
        last[n] = match.last();
        counted[n] = match.counted();
        n++;
      } else {
        if (vetoed == vetoTopic.length) {
          vetoTopic = Arrays.copyOf(vetoTopic, 2 * vetoed + 4);
          vetoParagraph = Arrays.copyOf(vetoParagraph, 2 * vetoed + 4);
        }
        vetoTopic[vetoed] = match.topic();
        vetoParagraph[vetoed++] = text.paragraphs[match.first()];
      }
    }
    n = references(text, matches, vetoes, otherField, field, n, topic, first, last, reference);
    // Overlapping or touching matches of one topic are one mention ("PTSD" after its expansion),
    // unless a comma, a semicolon or a sentence's end parts them ("headache, nausea").
    int[] order = orderBy(n, topic, first);
    int[] mTopic = new int[n];
    int[] mFirst = new int[n];
    int[] mLast = new int[n];
    boolean[] mCounted = new boolean[n];
    boolean[] mReference = new boolean[n];
    int merged = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (merged > 0
          && mTopic[merged - 1] == topic[i]
          && first[i] <= mLast[merged - 1] + 1
          && !(first[i] == mLast[merged - 1] + 1 && separated(text, mLast[merged - 1], first[i]))) {
        mLast[merged - 1] = Math.max(mLast[merged - 1], last[i]);
        mCounted[merged - 1] |= counted[i];
        mReference[merged - 1] &= reference[i];
      } else {
        mTopic[merged] = topic[i];
        mFirst[merged] = first[i];
        mLast[merged] = last[i];
        mCounted[merged] = counted[i];
        mReference[merged] = reference[i];
        merged++;
      }
    }
    // In text order; ties (same first word) stay by topic.
    int[] byPosition = orderBy(merged, mFirst, null);
    Hits hits = new Hits(merged);
    hits.vetoes = vetoed;
    hits.vetoTopic = vetoTopic;
    hits.vetoParagraph = vetoParagraph;
    boolean[] hitCounted = new boolean[merged];
    for (int k = 0; k < merged; k++) {
      int i = byPosition[k];
      hitCounted[k] = mCounted[i];
      hits.reference[k] = mReference[i];
      hits.topic[k] = mTopic[i];
      hits.first[k] = mFirst[i];
      hits.last[k] = mLast[i];
      hits.paragraph[k] = text.paragraphs[mFirst[i]];
      hits.sentence[k] = text.sentences[mFirst[i]];
    }
    // Lists are read among the topics' named mentions: a reference ("the drug") is no list item,
    // and makes none of the harms beside it one.
    Hits named = namedOnly(hits);
    boolean[] inAList =
        Enumerations.itemsOfLists(
            named.size, named.topic, named.first, named.last, text, listsOfItsOwn);
    boolean full = text.bodyWords() >= FULL_LENGTH;
    for (int k = 0, j = 0; k < merged; k++) {
      double weight = zoneWeight(text.zones[hits.first[k]]);
      if (hits.reference[k]) {
        hits.weight[k] = weight * REFERENCE_WEIGHT;
        continue;
      }
      if (hitCounted[k] && full) weight *= COUNTED_WEIGHT;
      hits.weight[k] =
          inAList[j]
                  || Enumerations.isListed(
                      j, named.size, named.topic, named.first, named.last, text)
                  || ProperNames.inAName(text, hits.first[k], hits.last[k])
              ? weight * LIST_FACTOR
              : weight;
      j++;
    }
    return hits;
  }

  /** The hits that are not references, in order: {@code hits} itself when none is. */
  private static Hits namedOnly(Hits hits) {
    int n = 0;
    for (int k = 0; k < hits.size; k++) if (!hits.reference[k]) n++;
    if (n == hits.size) return hits;
    Hits named = new Hits(n);
    for (int k = 0, j = 0; k < hits.size; k++) {
      if (hits.reference[k]) continue;
      named.topic[j] = hits.topic[k];
      named.first[j] = hits.first[k];
      named.last[j] = hits.last[k];
      j++;
    }
    return named;
  }

  /**
   * Appends to the first {@code n} mentions (the topics' own words, none vetoed) the references
   * that count: in a full article, each topic's first {@link #MAX_REFERENCES} references that stand
   * in a later sentence than its first mention and that no veto cancels ("the drug" after "a course
   * of ketamine"). In a short item a topic is what the headline or the first sentence names, and a
   * reference says nothing more. Answers the new number of mentions.
   */
  private int references(
      AnalyzedText text,
      List<Match> matches,
      Match[] vetoes,
      int[] otherField,
      boolean[] field,
      int n,
      int[] topic,
      int[] first,
      int[] last,
      boolean[] reference) {
    if (text.bodyWords() < FULL_LENGTH) return n;
    int[] named = null;
    int[] counted = null;
    for (Match match : matches) {
      if (match.kind() != Kind.REFERENCE) continue;
      if (named == null) {
        named = new int[subTopic.length];
        Arrays.fill(named, Integer.MAX_VALUE);
        for (int h = 0; h < n; h++) {
          named[topic[h]] = Math.min(named[topic[h]], text.sentences[first[h]]);
        }
        counted = new int[subTopic.length];
      }
      int t = match.topic();
      if (counted[t] == MAX_REFERENCES || text.sentences[match.first()] <= named[t]) continue;
      if (isVetoed(match, vetoes, text, otherField, field)) continue;
      counted[t]++;
      topic[n] = t;
      first[n] = match.first();
      last[n] = match.last();
      reference[n] = true;
      n++;
    }
    return n;
  }

  /**
   * Whether a comma or a semicolon stands between two neighbouring words, or they are in different
   * sentences or zones: "headache, nausea" is two harms, "post-traumatic stress disorder (PTSD)"
   * one mention.
   */
  private static boolean separated(AnalyzedText text, int before, int after) {
    if (text.zones[before] != text.zones[after]) return true;
    if (text.sentences[before] != text.sentences[after]) return true;
    String source = text.source(before);
    for (int c = text.ends[before]; c < text.starts[after] && c < source.length(); c++) {
      char ch = source.charAt(c);
      if (ch == ',' || ch == ';') return true;
    }
    return false;
  }

  private static double zoneWeight(byte zone) {
    if (zone == Token.Zone.TITLE.ordinal()) return TITLE_WEIGHT;
    if (zone == Token.Zone.LEAD.ordinal()) return LEAD_WEIGHT;
    return BODY_WEIGHT;
  }

  private static boolean isVeto(Kind kind) {
    return kind == Kind.EXCLUSION || kind == Kind.SENSE || kind == Kind.NEGATION;
  }

  private static boolean isVetoed(
      Match signal, Match[] vetoes, AnalyzedText text, int[] otherField, boolean[] field) {
    return vetoes.length > 0 && vetoOf(signal, vetoes, text, otherField, field) != null;
  }

  /** Which words are words of the field's context (patient, clinic, ketamine, therapy …). */
  private static boolean[] fieldWords(List<Match> matches, AnalyzedText text) {
    boolean[] field = new boolean[text.size];
    for (Match match : matches) {
      if (match.kind() == Kind.CONTEXT) {
        for (int i = match.first(); i <= match.last(); i++) field[i] = true;
      }
    }
    return field;
  }

  /**
   * Whether a word of the field's context stands right before or after the mention, in its
   * sentence: "ketamine infusion clinics", "intravenous ketamine" are read in the field whatever
   * money the sentence speaks of, and no sense vetoes them. The mention's own words do not count
   * ("pain" in "chronic pain point" is the word in question).
   */
  private static boolean anchored(Match signal, AnalyzedText text, boolean[] field) {
    int before = signal.first() - 1;
    int after = signal.last() + 1;
    int sentence = text.sentences[signal.first()];
    return before >= 0 && field[before] && text.sentences[before] == sentence
        || after < text.size && field[after] && text.sentences[after] == sentence;
  }

  /**
   * The first veto that cancels {@code signal}: an exclusion of its topic within {@link
   * #EXCLUSION_WINDOW} words, a sense of its topic, or a negation cue at most {@link
   * #NEGATION_WINDOW} words before it, all in its sentence; null when none does. A sense in the
   * title vetoes the whole title: a headline is one thought, and its kicker ("Hay fever: which
   * nasal spray…") names the field of what follows the colon. In a short item (fewer than {@link
   * #FULL_LENGTH} body words) a sense vetoes the topic in the whole item: a headline and a few
   * sentences make one point, read in one field ("a capital infusion … without the infusion"). And
   * in a text where most of a topic's mentions are read in one of its senses ({@code otherField},
   * see {@link #readInOtherField}), its senses veto it everywhere. No sense vetoes a mention next
   * to a word of the field ({@link #anchored}).
   */
  private static Match vetoOf(
      Match signal, Match[] vetoes, AnalyzedText text, int[] otherField, boolean[] field) {
    int[] sentences = text.sentences;
    boolean anchored = anchored(signal, text, field);
    for (Match veto : vetoes) {
      if (sentences[signal.first()] != sentences[veto.first()]) {
        if (!anchored
            && veto.kind() == Kind.SENSE
            && veto.topic() == signal.topic()
            && (contains(otherField, signal.topic())
                || text.bodyWords() < FULL_LENGTH
                || inTitle(text, signal) && inTitle(text, veto))) {
          return veto;
        }
        continue;
      }
      if (veto.kind() == Kind.EXCLUSION
          && veto.topic() == signal.topic()
          && gap(signal, veto) <= EXCLUSION_WINDOW) {
        return veto;
      }
      if (!anchored && veto.kind() == Kind.SENSE && veto.topic() == signal.topic()) {
        return veto;
      }
      if (veto.kind() == Kind.NEGATION
          && veto.last() < signal.first()
          && signal.first() - veto.last() - 1 <= NEGATION_WINDOW) {
        return veto;
      }
    }
    return null;
  }

  /**
   * The topics that this text reads in another field: those whose senses veto more of their
   * mentions than are left ("a depression, in the sense economists use" twice, "sliding into a
   * depression" once), whose mention in the title is read in a sense there ("Why your neural
   * network stops learning: the loss of plasticity"), or whose title holds a phrase of the other
   * field ({@link #namesTheField}), or whose senses veto every mention in the body, leaving only
   * the title's ("… secures rescue infusion after turbine setback": the body speaks of cash). A
   * text that speaks of a word's other field more often than not, or says in its title that it
   * does, speaks of it throughout; one sense in a long text about the topic vetoes only its own
   * sentence. Empty (and nothing counted) when the text has no sense.
   */
  private static int[] readInOtherField(
      Match[] vetoes, List<Match> matches, AnalyzedText text, boolean[] field) {
    int[] topics = new int[0];
    for (int v = 0; v < vetoes.length; v++) {
      Match veto = vetoes[v];
      if (veto.kind() != Kind.SENSE || senseBefore(vetoes, v)) continue;
      int sensed = 0;
      int left = 0;
      int leftInTheBody = 0;
      boolean inTheTitle = false;
      for (Match match : matches) {
        if (match.kind() != Kind.SIGNAL || match.topic() != veto.topic()) continue;
        Match by = vetoOf(match, vetoes, text, topics, field);
        if (by == null) {
          left++;
          if (!inTitle(text, match)) leftInTheBody++;
        } else if (by.kind() == Kind.SENSE) {
          sensed++;
          inTheTitle |= inTitle(text, match);
        }
      }
      if (sensed > left
          || sensed > 0 && leftInTheBody == 0
          || inTheTitle
          || namesTheField(text, vetoes, veto.topic())) {
        topics = Arrays.copyOf(topics, topics.length + 1);
        topics[topics.length - 1] = veto.topic();
      }
    }
    return topics;
  }

  /**
   * Whether a sense of the topic names the text's field in its title: a phrase of the other field
   * ("Why neural networks stop learning"), not a single word, which a headline may use in passing
   * ("ketamine sold through telehealth apps").
   */
  private static boolean namesTheField(AnalyzedText text, Match[] vetoes, int topic) {
    for (Match sense : vetoes) {
      if (sense.kind() == Kind.SENSE
          && sense.topic() == topic
          && sense.last() > sense.first()
          && inTitle(text, sense)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a sense of {@code vetoes[v]}'s topic comes before it: that topic is weighed once. */
  private static boolean senseBefore(Match[] vetoes, int v) {
    for (int u = 0; u < v; u++) {
      if (vetoes[u].kind() == Kind.SENSE && vetoes[u].topic() == vetoes[v].topic()) return true;
    }
    return false;
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) if (v == value) return true;
    return false;
  }

  private static boolean inTitle(AnalyzedText text, Match match) {
    return text.zones[match.first()] == Token.Zone.TITLE.ordinal();
  }

  private static int gap(Match a, Match b) {
    if (a.last() < b.first()) {
      return b.first() - a.last() - 1;
    }
    return b.last() < a.first() ? a.first() - b.last() - 1 : 0;
  }

  private interface IndexOrder {
    int compare(int a, int b);
  }

  /** Stable sort of {@code index[0, n)} (insertion sort for short runs, merge sort above). */
  private static void sort(int[] index, int n, IndexOrder order) {
    if (n < 2) return;
    if (n <= 32) {
      insertionSort(index, 0, n, order);
      return;
    }
    int[] buffer = new int[n];
    mergeSort(index, buffer, 0, n, order);
  }

  private static void insertionSort(int[] index, int from, int to, IndexOrder order) {
    for (int i = from + 1; i < to; i++) {
      int x = index[i];
      int j = i - 1;
      while (j >= from && order.compare(index[j], x) > 0) {
        index[j + 1] = index[j];
        j--;
      }
      index[j + 1] = x;
    }
  }

  private static void mergeSort(int[] index, int[] buffer, int from, int to, IndexOrder order) {
    if (to - from <= 32) {
      insertionSort(index, from, to, order);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(index, buffer, from, mid, order);
    mergeSort(index, buffer, mid, to, order);
    if (order.compare(index[mid - 1], index[mid]) <= 0) return;
    System.arraycopy(index, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && order.compare(buffer[i], buffer[j]) <= 0)) index[k] = buffer[i++];
      else index[k] = buffer[j++];
    }
  }
}
