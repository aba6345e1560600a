package dev.tributary.store.postgres;

import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import dev.tributary.store.StoriesRegrouped;
import dev.tributary.stories.StoryGrouping;
import dev.tributary.stories.StoryRules;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Story detection on a connection inside the article writers' transaction: the same steps as the
 * SQLite store's ({@link StoryGrouping}), but for a whole batch in three round trips — every new
 * article's bucket hits in one query (a lateral join keeps each bucket's newest {@link
 * StoryGrouping#BUCKET_LIMIT}), the candidates in one, their stories' members in one — since the
 * batch's own earlier articles are compared in memory.
 */
final class PostgresStories {
  private static final String BUCKET_HITS =
      "SELECT k.key, b.article_seq FROM unnest($1::bigint[]) AS k(key) CROSS JOIN LATERAL"
          + " (SELECT article_seq FROM story_bands WHERE band_key = k.key"
          + " ORDER BY article_seq DESC LIMIT "
          + StoryGrouping.BUCKET_LIMIT
          + ") b";

  private static final String CANDIDATES =
      "SELECT seq, id, source_id, story_id, text FROM articles WHERE seq = ANY($1)";

  static final String MEMBERS =
      "SELECT story_id, seq, id, source_id, source_title, url FROM articles WHERE story_id = ANY($1)"
          + " ORDER BY seq";

  private static final String ADD_BANDS =
      "INSERT INTO story_bands (band_key, article_seq)"
          + " SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING";

  private PostgresStories() {}

  /** Decides the stories of these articles, in order (none of them stored or grouped yet). */
  static Future<List<StoryGrouping.Assignment>> group(
      SqlClient client, StoryRules rules, List<StoryGrouping.Incoming> articles) {
    StoryGrouping grouping = new StoryGrouping(rules, articles);
    long[] keys = grouping.bandKeys();
    if (keys.length == 0) return Future.succeededFuture(grouping.assign(List.of()));
    return client
        .preparedQuery(BUCKET_HITS)
        .execute(Tuple.of((Object) toObjects(keys)))
        .compose(
            rows -> {
              List<StoryGrouping.BucketHit> hits = new ArrayList<>();
              for (Row r : rows) hits.add(new StoryGrouping.BucketHit(r.getLong(0), r.getLong(1)));
              var seqs = grouping.candidateSeqs(hits);
              if (seqs.isEmpty()) return Future.succeededFuture(List.<StoryGrouping.Member>of());
              return candidates(client, seqs)
                  .compose(found -> members(client, grouping.confirmedStories(found)));
            })
        .map(grouping::assign)
        .compose(assignments -> rename(client, grouping.merged()).map(assignments));
  }

  /** Moves the articles of stories merged into another to that story. */
  private static Future<Void> rename(SqlClient client, java.util.Map<String, String> merged) {
    if (merged.isEmpty()) return Future.succeededFuture();
    return client
        .preparedQuery(
            "UPDATE articles a SET story_id = m.kept"
                + " FROM unnest($1::text[], $2::text[]) AS m(gone, kept) WHERE a.story_id = m.gone")
        .execute(
            Tuple.of(
                merged.keySet().toArray(String[]::new),
                (Object) merged.values().toArray(String[]::new)))
        .mapEmpty();
  }

  private static Future<List<StoryGrouping.Candidate>> candidates(
      SqlClient client, Collection<Long> seqs) {
    return client
        .preparedQuery(CANDIDATES)
        .execute(Tuple.of((Object) seqs.toArray(Long[]::new)))
        .map(
            rows -> {
              List<StoryGrouping.Candidate> found = new ArrayList<>();
              for (Row r : rows) {
                found.add(
                    new StoryGrouping.Candidate(
                        r.getLong(0),
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4)));
              }
              return found;
            });
  }

  /** The members of these stories, in arrival order. */
  static Future<List<StoryGrouping.Member>> members(SqlClient client, Collection<String> storyIds) {
    if (storyIds.isEmpty()) return Future.succeededFuture(List.of());
    return client
        .preparedQuery(MEMBERS)
        .execute(Tuple.of((Object) storyIds.toArray(String[]::new)))
        .map(
            rows -> {
              List<StoryGrouping.Member> found = new ArrayList<>();
              for (Row r : rows) {
                found.add(
                    new StoryGrouping.Member(
                        r.getString(0),
                        r.getLong(1),
                        new StoryCopy(
                            r.getString(2),
                            new SourceRef(r.getString(3), r.getString(4)),
                            r.getString(5))));
              }
              return found;
            });
  }

  /** Stores the band keys of articles just stored, each with its sequence number. */
  static Future<Void> addBands(
      SqlClient client, List<Long> seqs, List<StoryGrouping.Assignment> assignments) {
    List<Long> keys = new ArrayList<>();
    List<Long> owners = new ArrayList<>();
    for (int i = 0; i < seqs.size(); i++) {
      for (long key : assignments.get(i).bandKeys()) {
        keys.add(key);
        owners.add(seqs.get(i));
      }
    }
    if (keys.isEmpty()) return Future.succeededFuture();
    return client
        .preparedQuery(ADD_BANDS)
        .execute(Tuple.of(keys.toArray(Long[]::new), (Object) owners.toArray(Long[]::new)))
        .mapEmpty();
  }

  /** Every article its own story again, and no buckets. */
  static Future<Void> clear(SqlClient client) {
    return client
        .query("DELETE FROM story_bands")
        .execute()
        .compose(
            x ->
                client
                    .query("UPDATE articles SET story_id = id WHERE story_id IS DISTINCT FROM id")
                    .execute())
        .mapEmpty();
  }

  /** Groups the stored articles after {@code afterSeq}, as one batch arriving in their order. */
  static Future<StoriesRegrouped> regroup(
      SqlClient client, StoryRules rules, long afterSeq, int limit) {
    return client
        .preparedQuery(
            "SELECT seq, id, source_id, source_title, url, text FROM articles WHERE seq > $1"
                + " ORDER BY seq LIMIT $2")
        .execute(Tuple.of(afterSeq, limit))
        .compose(
            rows -> {
              List<Long> seqs = new ArrayList<>();
              List<StoryGrouping.Incoming> page = new ArrayList<>();
              for (Row r : rows) {
                seqs.add(r.getLong(0));
                page.add(
                    new StoryGrouping.Incoming(
                        r.getString(1),
                        new SourceRef(r.getString(2), r.getString(3)),
                        r.getString(4),
                        r.getString(5)));
              }
              if (page.isEmpty())
                return Future.succeededFuture(new StoriesRegrouped(0, 0, afterSeq));
              return group(client, rules, page)
                  .compose(assignments -> regrouped(client, seqs, page, assignments));
            });
  }

  private static Future<StoriesRegrouped> regrouped(
      SqlClient client,
      List<Long> seqs,
      List<StoryGrouping.Incoming> page,
      List<StoryGrouping.Assignment> assignments) {
    List<Long> joined = new ArrayList<>();
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      String story = assignments.get(i).storyId();
      if (story.equals(page.get(i).id())) continue;
      joined.add(seqs.get(i));
      stories.add(story);
    }
    Future<?> updated =
        joined.isEmpty()
            ? Future.succeededFuture()
            : client
                .preparedQuery(
                    "UPDATE articles a SET story_id = u.story_id"
                        + " FROM unnest($1::bigint[], $2::text[]) AS u(seq, story_id)"
                        + " WHERE a.seq = u.seq")
                .execute(
                    Tuple.of(joined.toArray(Long[]::new), (Object) stories.toArray(String[]::new)));
    long through = seqs.get(seqs.size() - 1);
    return updated
        .compose(x -> addBands(client, seqs, assignments))
        .map(x -> new StoriesRegrouped(page.size(), joined.size(), through));
  }

  private static Long[] toObjects(long[] values) {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) boxed[i] = values[i];
    return boxed;
  }
}
