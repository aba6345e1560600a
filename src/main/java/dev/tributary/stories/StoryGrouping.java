package dev.tributary.stories;

import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import java.util.ArrayList;
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
 *       candidate — stored, or new earlier in the batch — unless the candidate or the story has an
 *       article from its own source; else it starts its own story.
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
   * a bucket (a long footer nobody strips).
   */
  public static final int BUCKET_LIMIT = 64;

  /** A new article: its id, source, URL (or null) and plain text. */
  public record Incoming(String id, SourceRef source, String url, String text) {
    StoryCopy asCopy() {
      return new StoryCopy(id, source, url);
    }
  }

  /** A stored article in one of the band buckets. */
  public record BucketHit(long bandKey, long seq) {}

  /** A stored candidate as the store read it. */
  public record Candidate(long seq, String id, String sourceId, String storyId, String text) {}

  /** A stored article of a story: the story's id and the article as a copy. */
  public record Member(String storyId, StoryCopy copy) {}

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

  public StoryGrouping(StoryRules rules, List<Incoming> incoming) {
    this.rules = rules;
    this.incoming = List.copyOf(incoming);
    for (Incoming in : this.incoming) {
      sketches.add(rules.enabled() ? StorySketch.of(in.text()) : StorySketch.of(""));
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
    Map<Long, List<Long>> seqsByKey = new HashMap<>();
    for (BucketHit h : hits)
      seqsByKey.computeIfAbsent(h.bandKey(), k -> new ArrayList<>()).add(h.seq());
    Set<Long> all = new LinkedHashSet<>();
    for (int i = 0; i < incoming.size(); i++) {
      Map<Long, Integer> shared = new HashMap<>();
      for (long key : sketches.get(i).bandKeys()) {
        for (long seq : seqsByKey.getOrDefault(key, List.of())) shared.merge(seq, 1, Integer::sum);
      }
      List<Long> best =
          shared.entrySet().stream()
              .sorted(
                  Map.Entry.<Long, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(MAX_CANDIDATES)
              .map(Map.Entry::getKey)
              .toList();
      chosen.set(i, best);
      all.addAll(best);
    }
    return all;
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
   */
  public List<Assignment> assign(List<Member> members) {
    Map<String, LinkedHashMap<String, StoryCopy>> byStory = new HashMap<>();
    for (Member m : members) {
      byStory.computeIfAbsent(m.storyId(), k -> new LinkedHashMap<>()).put(m.copy().id(), m.copy());
    }
    List<String> storyIds = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      Incoming in = incoming.get(i);
      String story = bestStory(i, storyIds, byStory);
      storyIds.add(story);
      byStory.computeIfAbsent(story, k -> new LinkedHashMap<>()).put(in.id(), in.asCopy());
    }
    List<Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      String id = incoming.get(i).id();
      List<StoryCopy> others = new ArrayList<>();
      for (StoryCopy c : byStory.get(storyIds.get(i)).values()) {
        if (!c.id().equals(id)) others.add(c);
      }
      assignments.add(new Assignment(storyIds.get(i), others, sketches.get(i).bandKeys()));
    }
    return assignments;
  }

  /** A confirmed match: the story a candidate is in, and how much of the shorter text is shared. */
  private record Match(String storyId, double containment, int order) {}

  private String bestStory(
      int i, List<String> earlierStories, Map<String, LinkedHashMap<String, StoryCopy>> byStory) {
    Incoming in = incoming.get(i);
    List<Match> matches = new ArrayList<>();
    int order = 0;
    for (long seq : chosen.get(i)) {
      Candidate c = candidates.get(seq);
      if (c == null) continue;
      double contained = containment(i, c);
      if (contained >= 0) matches.add(new Match(c.storyId(), contained, order++));
    }
    for (int j = 0; j < i; j++) {
      if (incoming.get(j).source().id().equals(in.source().id())) continue;
      if (sharedBuckets(i, j) == 0) continue;
      double contained =
          Shingles.containment(sketches.get(i).shingles(), sketches.get(j).shingles());
      if (rules.sameStory(contained))
        matches.add(new Match(earlierStories.get(j), contained, order++));
    }
    matches.sort(
        Comparator.comparingDouble(Match::containment).reversed().thenComparing(Match::order));
    for (Match m : matches) {
      if (!hasSource(byStory.get(m.storyId()), in.source().id())) return m.storyId();
    }
    return in.id();
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

  private static boolean hasSource(Map<String, StoryCopy> members, String sourceId) {
    if (members == null) return false;
    for (StoryCopy c : members.values()) if (c.source().id().equals(sourceId)) return true;
    return false;
  }
}
