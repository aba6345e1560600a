package dev.tributary.stories;

import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which story each of a batch of new articles joins, decided in memory between a store's look-ups:
 * both stores run the same steps, in one transaction that sees every article stored before.
 *
 * <ol>
 *   <li>{@link #bandKeys()}: the store finds the stored articles in those band buckets ({@link
 *       BucketHit}s);
 *   <li>{@link #candidateSeqs}: of those, each new article's best few by buckets shared; the store
 *       reads them ({@link Candidate}: source, story, text);
 *   <li>{@link #confirmedStories}: the stories of the candidates that pass the containment check;
 *       the store reads their members;
 *   <li>{@link #assign}: each new article, in order, joins the story of its most contained
 *       candidate — stored, or new earlier in the batch — unless that story has an article from its
 *       own source; else it starts its own story. When it also matches other stories, they are
 *       merged into one (see {@link #assign}); the store then renames them ({@link #merged()}).
 * </ol>
 *
 * <p>Only across sources: a source's own articles are never one story, so a source that republishes
 * its article under a new GUID keeps two articles, and a story holds at most one article per
 * source.
 */
public final class StoryGrouping {
  /** Candidates confirmed per new article, best by shared buckets: bounds the texts read. */
  public static final int MAX_CANDIDATES = 8;

  /**
   * Stored articles read per band bucket, newest first: bounds the look-up when many articles share
   * a bucket (a long footer nobody strips, or a stream of articles made of the same paragraphs). A
   * copy shares several buckets with its original (at a Jaccard similarity of 0.6, 5 of the 24 full
   * bands on average, more of the lead's), so it is missed only when every one of them holds 16
   * newer articles. 64 cost a quarter more of the writer's time on such a stream (bench/README.md,
   * "Stories on the writer") and found no copy more on the labelled sets.
   */
  public static final int BUCKET_LIMIT = 16;

  /**
   * A new article: its id, source, URL (or null), plain text, and its sketch when made already
   * (null: made here from the text).
   */
  public record Incoming(String id, SourceRef source, String url, String text, StorySketch sketch) {
    public Incoming(String id, SourceRef source, String url, String text) {
      this(id, source, url, text, null);
    }

    StoryCopy asCopy() {
      return new StoryCopy(id, source, url);
    }

    StorySketch sketched() {
      return sketch != null ? sketch : StorySketch.of(text);
    }
  }

  /** A stored article in one of the band buckets. */
  public record BucketHit(long bandKey, long seq) {}

  /** A stored candidate as the store read it. */
  public record Candidate(long seq, String id, String sourceId, String storyId, String text) {}

  /** A stored article of a story: the story's id, the article's sequence number, and the copy. */
  public record Member(String storyId, long seq, StoryCopy copy) {}

  /**
   * What a new article gets: its story, the story's other copies, and the band keys to store for it
   * (none when it is too short to compare, or detection is off).
   */
  public record Assignment(String storyId, List<StoryCopy> alsoIn, long[] bandKeys) {}

  private final StoryRules rules;
  private final List<Incoming> incoming;
  private final List<StorySketch> sketches = new ArrayList<>();
  private final List<List<Long>> chosen = new ArrayList<>();
  private final Map<Long, Candidate> candidates = new HashMap<>();
  private final Map<Long, long[]> candidateShingles = new HashMap<>();

  /** Each story's members by id, in arrival order; stories merged away are removed. */
  private final Map<String, LinkedHashMap<String, StoryCopy>> members = new HashMap<>();

  /** When each article arrived: its stored sequence number, or after all stored ones when new. */
  private final Map<String, Long> arrival = new HashMap<>();

  /** Stories merged into another: old id → the id it now has (followed to the end). */
  private final Map<String, String> renamed = new LinkedHashMap<>();

  public StoryGrouping(StoryRules rules, List<Incoming> incoming) {
    this.rules = rules;
    this.incoming = List.copyOf(incoming);
    for (Incoming in : this.incoming) {
      sketches.add(rules.enabled() ? in.sketched() : StorySketch.of(""));
      chosen.add(List.of());
    }
  }

  /** The distinct band keys of the batch, to look up; empty when there is nothing to compare. */
  public long[] bandKeys() {
    Set<Long> keys = new LinkedHashSet<>();
    for (StorySketch s : sketches) for (long k : s.bandKeys()) keys.add(k);
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Chooses each new article's candidates among the stored articles in its buckets: the {@link
   * #MAX_CANDIDATES} sharing the most buckets with it (older first on a tie). Answers their
   * sequence numbers, for the store to read.
   */
  public Set<Long> candidateSeqs(List<BucketHit> hits) {
    Set<Long> all = new LinkedHashSet<>();
    BucketIndex buckets = new BucketIndex(hits);
    for (int i = 0; i < incoming.size(); i++) {
      List<Long> best = buckets.mostShared(sketches.get(i).bandKeys(), MAX_CANDIDATES);
      chosen.set(i, best);
      all.addAll(best);
    }
    return all;
  }

  /**
   * For a batch of one article: chooses its candidates as {@link #candidateSeqs} does, from the
   * sequence numbers the store found in the article's buckets, one entry for each bucket an article
   * is in ({@code seqs[0..n)}), without their keys: the store reads the buckets, the counting needs
   * no more. The entries may come from several places (buckets the store keeps in memory, rows not
   * yet written, the table) as long as each bucket of each article is listed once.
   */
  public Set<Long> candidateSeqsOfHits(long[] seqs, int n) {
    if (incoming.size() != 1)
      throw new IllegalStateException("hits without keys are for one article");
    chosen.set(0, mostShared(seqs, n, MAX_CANDIDATES));
    return new LinkedHashSet<>(chosen.get(0));
  }

  /**
   * Of these sequence numbers (one per bucket an article is in), the {@code limit} that occur most,
   * older (lower) first on a tie: counted in an open-addressing table, ranked in one pass.
   */
  static List<Long> mostShared(long[] seqs, int n, int limit) {
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    long[] slotSeq = new long[capacity];
    int[] slotCount = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < n; i++) {
      long seq = seqs[i];
      int at = (int) Shingles.mix(seq) & mask;
      while (slotCount[at] != 0 && slotSeq[at] != seq) at = (at + 1) & mask;
      slotSeq[at] = seq;
      slotCount[at]++;
    }
    return best(slotSeq, slotCount, capacity, limit);
  }

  /** The {@code limit} best of these counted articles (count 0: none), most shared first. */
  private static List<Long> best(long[] seqs, int[] counts, int n, int limit) {
    long[] bestSeq = new long[limit];
    int[] bestCount = new int[limit];
    int kept = 0;
    for (int at = 0; at < n; at++) {
      int count = counts[at];
      if (count == 0) continue;
      long seq = seqs[at];
      if (kept == limit && !ranksBefore(count, seq, bestCount[kept - 1], bestSeq[kept - 1])) {
        continue;
      }
      int to = kept < limit ? kept++ : kept - 1;
      while (to > 0 && ranksBefore(count, seq, bestCount[to - 1], bestSeq[to - 1])) {
        bestCount[to] = bestCount[to - 1];
        bestSeq[to] = bestSeq[to - 1];
        to--;
      }
      bestCount[to] = count;
      bestSeq[to] = seq;
    }
    List<Long> best = new ArrayList<>(kept);
    for (int k = 0; k < kept; k++) best.add(bestSeq[k]);
    return best;
  }

  private static boolean ranksBefore(int count, long seq, int otherCount, long otherSeq) {
    return count > otherCount || (count == otherCount && seq < otherSeq);
  }

  /**
   * The bucket hits sorted by band key, so that one article's hits of a batch's are a few ranges:
   * up to {@link #BUCKET_LIMIT} for each of its keys.
   */
  private static final class BucketIndex {
    private final long[] keys;
    private final long[] seqs;

    BucketIndex(List<BucketHit> hits) {
      BucketHit[] sorted = hits.toArray(BucketHit[]::new);
      Arrays.sort(sorted, Comparator.comparingLong(BucketHit::bandKey));
      keys = new long[sorted.length];
      seqs = new long[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        keys[i] = sorted[i].bandKey();
        seqs[i] = sorted[i].seq();
      }
    }

    /** The {@code limit} articles in the most of these buckets, older first on a tie. */
    List<Long> mostShared(long[] bandKeys, int limit) {
      long[] found = new long[0];
      int n = 0;
      for (long key : bandKeys) {
        int from = first(key);
        int to = from;
        while (to < keys.length && keys[to] == key) to++;
        if (to == from) continue;
        if (n + to - from > found.length) found = Arrays.copyOf(found, 2 * (n + to - from));
        System.arraycopy(seqs, from, found, n, to - from);
        n += to - from;
      }
      return StoryGrouping.mostShared(found, n, limit);
    }

    /** The first index of {@code key}, or where it would be. */
    private int first(long key) {
      int lo = 0;
      int hi = keys.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
  }

  /**
   * Takes the candidates the store read, and answers the stories of those that pass the check for
   * some new article: the stories whose members the store is to read next.
   */
  public Set<String> confirmedStories(List<Candidate> rows) {
    for (Candidate c : rows) candidates.put(c.seq(), c);
    Set<String> stories = new LinkedHashSet<>();
    for (int i = 0; i < incoming.size(); i++) {
      for (long seq : chosen.get(i)) {
        Candidate c = candidates.get(seq);
        if (c != null && containment(i, c) >= 0) stories.add(c.storyId());
      }
    }
    return stories;
  }

  /**
   * Decides each new article's story, in order, given the members (in arrival order) of the stories
   * {@link #confirmedStories} named.
   *
   * <p>A new article that is a copy of articles in two or more stories (the original, arriving
   * after a copy cut short and a copy with a paragraph left out that were too unlike each other)
   * joins the best and merges the others into it — when no source would then have two articles in
   * the story, and when the articles it matched in the two stories overlap by at least half the
   * threshold themselves: a long article that quotes two short unrelated ones whole does not make
   * them one story. A merged story keeps the id of its first copy to arrive.
   */
  public List<Assignment> assign(List<Member> stored) {
    for (Member m : stored) {
      members.computeIfAbsent(m.storyId(), k -> new LinkedHashMap<>()).put(m.copy().id(), m.copy());
      arrival.put(m.copy().id(), m.seq());
    }
    for (int i = 0; i < incoming.size(); i++)
      arrival.put(incoming.get(i).id(), Long.MAX_VALUE / 2 + i);
    List<String> storyIds = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      String story = joinStories(i, storyIds);
      storyIds.add(story);
    }
    List<Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      String id = incoming.get(i).id();
      String story = current(storyIds.get(i));
      List<StoryCopy> others = new ArrayList<>();
      for (StoryCopy c : members.get(story).values()) if (!c.id().equals(id)) others.add(c);
      assignments.add(new Assignment(story, others, sketches.get(i).bandKeys()));
    }
    return assignments;
  }

  /**
   * Stored stories that {@link #assign} merged into another: each old story id with the id its
   * articles now take. The store renames them in the same transaction.
   */
  public Map<String, String> merged() {
    Map<String, String> result = new LinkedHashMap<>();
    for (String old : renamed.keySet()) result.put(old, current(old));
    return result;
  }

  /** A confirmed match: a matched article's story and shingles, and its containment. */
  private record Match(String storyId, long[] shingles, double containment, int order) {}

  private String joinStories(int i, List<String> earlierStories) {
    Incoming in = incoming.get(i);
    List<Match> matches = matches(i, earlierStories);
    Match best = null;
    for (Match m : matches) {
      if (!hasSource(current(m.storyId()), in.source().id())) {
        best = m;
        break;
      }
    }
    String story = best == null ? in.id() : current(best.storyId());
    members.computeIfAbsent(story, k -> new LinkedHashMap<>()).put(in.id(), in.asCopy());
    if (best == null) return story;
    for (Match other : matches) {
      String otherStory = current(other.storyId());
      if (otherStory.equals(story) || !mergeable(story, otherStory)) continue;
      double overlap = Shingles.containment(best.shingles(), other.shingles());
      if (overlap >= rules.threshold() / 2) story = merge(story, otherStory);
    }
    return story;
  }

  /** The stories new article i is a copy of (by the rules, from other sources), best first. */
  private List<Match> matches(int i, List<String> earlierStories) {
    List<Match> matches = new ArrayList<>();
    int order = 0;
    for (long seq : chosen.get(i)) {
      Candidate c = candidates.get(seq);
      if (c == null) continue;
      double contained = containment(i, c);
      if (contained >= 0) {
        matches.add(new Match(c.storyId(), candidateShingles.get(seq), contained, order++));
      }
    }
    for (int j = 0; j < i; j++) {
      if (incoming.get(j).source().id().equals(incoming.get(i).source().id())) continue;
      if (sharedBuckets(i, j) == 0) continue;
      long[] theirs = sketches.get(j).shingles();
      double contained = Shingles.containment(sketches.get(i).shingles(), theirs);
      if (rules.sameStory(contained)) {
        matches.add(new Match(earlierStories.get(j), theirs, contained, order++));
      }
    }
    matches.sort(
        Comparator.comparingDouble(Match::containment).reversed().thenComparing(Match::order));
    return matches;
  }

  /** Whether two stories may be one: no source would have two articles in it. */
  private boolean mergeable(String a, String b) {
    for (StoryCopy c : members.get(b).values()) if (hasSource(a, c.source().id())) return false;
    return true;
  }

  /**
   * Merges two stories under the id of the one whose first copy arrived first (its first member,
   * members being in arrival order); answers that id.
   */
  private String merge(String a, String b) {
    boolean aFirst = firstArrival(a) <= firstArrival(b);
    String kept = aFirst ? a : b;
    String gone = aFirst ? b : a;
    List<StoryCopy> all = new ArrayList<>(members.get(kept).values());
    all.addAll(members.remove(gone).values());
    all.sort(Comparator.comparingLong(c -> arrival.get(c.id())));
    LinkedHashMap<String, StoryCopy> sorted = new LinkedHashMap<>();
    for (StoryCopy c : all) sorted.put(c.id(), c);
    members.put(kept, sorted);
    renamed.put(gone, kept);
    return kept;
  }

  private long firstArrival(String story) {
    return arrival.get(members.get(story).keySet().iterator().next());
  }

  /** The id a story has now, after any merges. */
  private String current(String storyId) {
    String id = storyId;
    while (renamed.containsKey(id)) id = renamed.get(id);
    return id;
  }

  /**
   * The containment of new article i and a stored candidate when they are one story by the rules
   * and come from different sources; -1 otherwise.
   */
  private double containment(int i, Candidate c) {
    if (c.sourceId().equals(incoming.get(i).source().id())) return -1;
    long[] theirs = candidateShingles.computeIfAbsent(c.seq(), s -> Shingles.of(c.text()));
    double contained = Shingles.containment(sketches.get(i).shingles(), theirs);
    return rules.sameStory(contained) ? contained : -1;
  }

  private int sharedBuckets(int i, int j) {
    long[] a = sketches.get(i).bandKeys();
    long[] b = sketches.get(j).bandKeys();
    int shared = 0;
    for (int k = 0; k < a.length && k < b.length; k++) if (a[k] == b[k]) shared++;
    return shared;
  }

  private boolean hasSource(String storyId, String sourceId) {
    Map<String, StoryCopy> of = members.get(storyId);
    if (of == null) return false;
    for (StoryCopy c : of.values()) if (c.source().id().equals(sourceId)) return true;
    return false;
  }
}
