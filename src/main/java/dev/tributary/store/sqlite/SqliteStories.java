package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import dev.tributary.store.PutResult;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.StoriesRegrouped;
import dev.tributary.stories.StoryGrouping;
import dev.tributary.stories.StoryMembers;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Story detection on the writing connection, inside the caller's transaction: a new article's
 * candidates from the band buckets, their texts, the members of the stories they are in ({@link
 * StoryGrouping} decides), then the article's band keys stored. One article at a time: the articles
 * written before it in the same transaction are found like any stored one.
 */
final class SqliteStories implements AutoCloseable {
  static final String MEMBERS =
      "SELECT story_id, seq, id, source_id, source_title, url FROM articles WHERE story_id IN (%s)"
          + " ORDER BY seq";

  private final Connection connection;
  private final StoryRules rules;
  private final PendingBands pending;
  private final StoredBuckets stored;
  private final RecentSources recentSources = new RecentSources();

  /**
   * Whether an article of the transaction under way joined a story other than its own (or merged
   * two): only then can a later article have changed an earlier one's story ({@link #asCommitted}).
   */
  private boolean joinedAStory;

  /** The look-up of 1 to {@link #KEYS} buckets not kept in {@link #stored}, by their number. */
  private final PreparedStatement[] bucketsOf = new PreparedStatement[KEYS + 1];

  /** The candidate look-up for 1 to {@link StoryGrouping#MAX_CANDIDATES} sequence numbers. */
  private final PreparedStatement[] candidatesOf =
      new PreparedStatement[StoryGrouping.MAX_CANDIDATES + 1];

  SqliteStories(
      Connection connection, StoryRules rules, PendingBands pending, StoredBuckets stored) {
    this.connection = connection;
    this.rules = rules;
    this.pending = pending;
    this.stored = stored;
  }

  /** Band keys of an article compared: every look-up and insert has exactly this many. */
  static final int KEYS = StorySketch.BANDS + StorySketch.LEAD_BANDS;

  /**
   * The newest {@link StoryGrouping#BUCKET_LIMIT} rows of each of {@code keys} buckets, each key
   * its own limited range of the primary key read backwards: a crowded bucket (text many articles
   * share) costs the limit, not its size.
   */
  private static String bucketQuery(int keys) {
    String one =
        "SELECT * FROM (SELECT band_key, article_seq FROM story_bands WHERE band_key = ?"
            + " ORDER BY article_seq DESC LIMIT "
            + StoryGrouping.BUCKET_LIMIT
            + ")";
    return String.join(" UNION ALL ", Collections.nCopies(keys, one));
  }

  private static String bandInsert(int keys) {
    return "INSERT OR IGNORE INTO story_bands (band_key, article_seq) VALUES "
        + String.join(", ", Collections.nCopies(keys, "(?, ?)"));
  }

  /** Decides the story of an article about to be stored (or being grouped again). */
  StoryGrouping.Assignment group(StoryGrouping.Incoming article) throws SQLException {
    StoryGrouping grouping = new StoryGrouping(rules, List.of(article));
    long[] keys = grouping.bandKeys();
    if (keys.length == 0) return grouping.assign(List.of()).get(0);
    // an article's rows are all in the table or all pending, so each is listed once per bucket
    long[][] inTable = storedBuckets(keys);
    long[] hits = new long[keys.length * 2 * StoryGrouping.BUCKET_LIMIT];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      System.arraycopy(inTable[i], 0, hits, n, inTable[i].length);
      n = pending.hits(keys[i], hits, n + inTable[i].length);
    }
    var seqs = grouping.candidateSeqsOfHits(hits, n);
    seqs.removeIf(seq -> article.source().id().equals(recentSources.sourceOf(seq)));
    if (seqs.isEmpty()) return grouping.assign(List.of()).get(0);
    var stories = grouping.confirmedStories(candidates(seqs, article.source().id()));
    StoryGrouping.Assignment assignment = grouping.assign(members(stories)).get(0);
    rename(grouping.merged());
    if (!assignment.storyId().equals(article.id()) || !grouping.merged().isEmpty()) {
      joinedAStory = true;
    }
    return assignment;
  }

  /**
   * Each key's bucket as the table holds it, newest first: from {@link #stored} when kept there,
   * else read (all the missing ones in one statement) and kept.
   */
  private long[][] storedBuckets(long[] keys) throws SQLException {
    long[][] found = new long[keys.length][];
    int[] missing = new int[keys.length];
    int m = 0;
    for (int i = 0; i < keys.length; i++) {
      found[i] = stored.get(keys[i]);
      if (found[i] == null) missing[m++] = i;
    }
    if (m == 0) return found;
    PreparedStatement ps = bucketsOf[m];
    if (ps == null) {
      ps = connection.prepareStatement(bucketQuery(m));
      bucketsOf[m] = ps;
    }
    long[][] rows = new long[m][StoryGrouping.BUCKET_LIMIT];
    int[] counts = new int[m];
    for (int j = 0; j < m; j++) ps.setLong(j + 1, keys[missing[j]]);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long key = rs.getLong(1);
        int j = 0;
        while (keys[missing[j]] != key) j++;
        rows[j][counts[j]++] = rs.getLong(2);
      }
    }
    for (int j = 0; j < m; j++) {
      long[] bucket = StoredBuckets.newestFirst(Arrays.copyOf(rows[j], counts[j]));
      found[missing[j]] = bucket;
      stored.put(keys[missing[j]], bucket);
    }
    return found;
  }

  /** Moves the articles of stories merged into another to that story. */
  private void rename(java.util.Map<String, String> merged) throws SQLException {
    if (merged.isEmpty()) return;
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE articles SET story_id = ? WHERE story_id = ?")) {
      for (var e : merged.entrySet()) {
        ps.setString(1, e.getValue());
        ps.setString(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The batch's results with the stories of its new articles as the whole batch left them: an
   * article stored later in the batch may have joined (or merged) an earlier one's story.
   */
  List<PutResult> asCommitted(List<PutResult> results) throws SQLException {
    if (!joinedAStory) return results;
    joinedAStory = false;
    List<Long> seqs = new ArrayList<>();
    for (PutResult r : results)
      if (!r.isFailed() && r.stored().created()) seqs.add(r.stored().seq());
    if (seqs.isEmpty()) return results;
    Map<Long, String> storyOf = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT seq, story_id FROM articles WHERE seq IN ("
                + placeholders(seqs.size())
                + ")")) {
      for (int i = 0; i < seqs.size(); i++) ps.setLong(i + 1, seqs.get(i));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) storyOf.put(rs.getLong(1), rs.getString(2));
      }
    }
    List<Article> articles = new ArrayList<>();
    for (PutResult r : results) {
      if (r.isFailed() || !r.stored().created()) continue;
      articles.add(r.stored().article().withStory(storyOf.get(r.stored().seq()), List.of()));
    }
    List<Article> completed =
        StoryMembers.attach(articles, members(StoryMembers.storyIds(articles)));
    List<PutResult> updated = new ArrayList<>(results.size());
    int k = 0;
    for (PutResult r : results) {
      if (r.isFailed() || !r.stored().created()) {
        updated.add(r);
      } else {
        updated.add(PutResult.of(new StoredArticle(completed.get(k++), true, r.stored().seq())));
      }
    }
    return updated;
  }

  /**
   * Keeps the band keys of an article stored (in this transaction) with the given sequence number:
   * pending until the next flush ({@link PendingBands}).
   */
  void addBands(long seq, long[] keys) {
    pending.stage(seq, keys);
  }

  /** Notes the source of an article whose rows this transaction has written. */
  void stored(long seq, String sourceId) {
    recentSources.record(seq, sourceId);
  }

  /** A new transaction begins: no article of it has joined a story yet. */
  void startBatch() {
    joinedAStory = false;
  }

  /** Writes every pending row, in key order, and moves the watermark past them. */
  static void flush(Connection connection, PendingBands pending, StoredBuckets stored)
      throws SQLException {
    PendingBands.Sorted rows = pending.sortedRows();
    long[] keys = rows.keys();
    long[] seqs = rows.seqs();
    try (PreparedStatement many = connection.prepareStatement(bandInsert(KEYS));
        PreparedStatement one = connection.prepareStatement(bandInsert(1));
        PreparedStatement mark =
            connection.prepareStatement(
                "UPDATE story_state SET bands_through_seq = max(bands_through_seq, ?)")) {
      int i = 0;
      for (; i + KEYS <= rows.size(); i += KEYS) {
        for (int k = 0; k < KEYS; k++) {
          many.setLong(2 * k + 1, keys[i + k]);
          many.setLong(2 * k + 2, seqs[i + k]);
        }
        many.executeUpdate();
      }
      for (; i < rows.size(); i++) {
        one.setLong(1, keys[i]);
        one.setLong(2, seqs[i]);
        one.executeUpdate();
      }
      mark.setLong(1, pending.throughSeq());
      mark.executeUpdate();
    }
    stored.added(rows);
    pending.clear();
  }

  /**
   * At the writer's open: the band keys of the articles above the watermark, whose rows were still
   * pending when the last writer stopped without flushing (a crash), computed again and pending.
   * With detection off there are none to keep: the watermark moves to the newest article.
   */
  static void recover(Connection connection, StoryRules rules, PendingBands pending)
      throws SQLException {
    if (!rules.enabled()) {
      markAll(connection);
      return;
    }
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT seq, text FROM articles WHERE seq > (SELECT bands_through_seq FROM story_state)"
                    + " ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) pending.stage(rs.getLong(1), StorySketch.of(rs.getString(2)).bandKeys());
    }
    pending.commit();
  }

  /** Moves the watermark to the newest article: none above it is owed its rows. */
  static void markAll(Connection connection) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE story_state SET bands_through_seq = (SELECT COALESCE(MAX(seq), 0) FROM articles)")) {
      ps.executeUpdate();
    }
  }

  /**
   * Groups the stored articles after {@code afterSeq} (see {@code Store.regroupStories}), one at a
   * time as if each had just arrived.
   */
  StoriesRegrouped regroup(long afterSeq, int limit) throws SQLException {
    List<StoryGrouping.Incoming> page = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT seq, id, source_id, source_title, url, text FROM articles WHERE seq > ?"
                + " ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
          page.add(
              new StoryGrouping.Incoming(
                  rs.getString(2),
                  new SourceRef(rs.getString(3), rs.getString(4)),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
    }
    int copies = 0;
    try (PreparedStatement setStory =
        connection.prepareStatement("UPDATE articles SET story_id = ? WHERE seq = ?")) {
      for (int i = 0; i < page.size(); i++) {
        StoryGrouping.Assignment story = group(page.get(i));
        if (!story.storyId().equals(page.get(i).id())) {
          setStory.setString(1, story.storyId());
          setStory.setLong(2, seqs.get(i));
          setStory.executeUpdate();
          copies++;
        }
        addBands(seqs.get(i), story.bandKeys());
      }
    }
    long through = seqs.isEmpty() ? afterSeq : seqs.get(seqs.size() - 1);
    return new StoriesRegrouped(page.size(), copies, through);
  }

  /**
   * The candidates from other sources than the new article's: one source's articles are never one
   * story ({@link StoryGrouping}), so their texts are not read. One statement per number of
   * candidates, prepared once.
   */
  private List<StoryGrouping.Candidate> candidates(Collection<Long> seqs, String ownSource)
      throws SQLException {
    PreparedStatement ps = candidatesOf[seqs.size()];
    if (ps == null) {
      ps =
          connection.prepareStatement(
              "SELECT seq, id, source_id, story_id, text FROM articles WHERE seq IN ("
                  + placeholders(seqs.size())
                  + ") AND source_id <> ?");
      candidatesOf[seqs.size()] = ps;
    }
    int i = 1;
    for (long seq : seqs) ps.setLong(i++, seq);
    ps.setString(i, ownSource);
    List<StoryGrouping.Candidate> found = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(
            new StoryGrouping.Candidate(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return found;
  }

  /** The members of these stories, in arrival order. */
  List<StoryGrouping.Member> members(Collection<String> storyIds) throws SQLException {
    return members(connection, storyIds);
  }

  static List<StoryGrouping.Member> members(Connection connection, Collection<String> storyIds)
      throws SQLException {
    if (storyIds.isEmpty()) return List.of();
    List<StoryGrouping.Member> found = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(String.format(MEMBERS, placeholders(storyIds.size())))) {
      int i = 1;
      for (String id : storyIds) ps.setString(i++, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new StoryGrouping.Member(
                  rs.getString(1),
                  rs.getLong(2),
                  new StoryCopy(
                      rs.getString(3),
                      new SourceRef(rs.getString(4), rs.getString(5)),
                      rs.getString(6))));
        }
      }
    }
    return found;
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : bucketsOf) if (ps != null) ps.close();
    for (PreparedStatement ps : candidatesOf) if (ps != null) ps.close();
  }
}
