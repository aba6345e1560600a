package dev.tributary.store.postgres;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleTopic;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.StoredTimes;
import dev.tributary.stories.StoryGrouping;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one {@link dev.tributary.store.Store#putAll} batch, on a connection inside a
 * transaction that holds the article writers' lock.
 *
 * <p>The batch is planned in memory against one query for the stored rows with any of its ids or
 * text hashes: each article is a duplicate of a stored one, of an earlier one in the batch, or new.
 * The new ones go in with one multi-row insert (arrays unnested) and their topics with another.
 * When that insert fails on one article's data, the batch starts over one article at a time, each
 * under a savepoint, as the SQLite store does: the bad article fails alone and the rest are stored.
 *
 * <p>Right before each insert the articles about to be inserted are given their stories ({@link
 * PostgresStories}): the whole batch's at once on the fast path, each article's on the slow one
 * (where the batch's earlier articles are in the table by then).
 */
final class PostgresArticleBatch {
  /** The new articles, each also unread for the reader account (store/ReaderSql). */
  private static final String INSERT_ARTICLES =
      "WITH new AS (INSERT INTO articles (id, content_hash, title, summary, content_html, text,"
          + " url, source_id, source_title, author, published_ms, ingested_ms, tags, story_id)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],"
          + " $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[],"
          + " $12::bigint[], $13::text[], $14::text[]) ON CONFLICT DO NOTHING"
          + " RETURNING seq, id, source_id, ingested_ms),"
          + " unread AS (INSERT INTO reader_unread (article_seq, source_id, ingested_ms)"
          + " SELECT seq, source_id, ingested_ms FROM new)"
          + " SELECT seq, id FROM new";

  private static final String INSERT_TOPICS =
      "INSERT INTO article_topics (article_seq, slug, label, score)"
          + " SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[])";

  private static final String FIND_STORED =
      ArticleRows.SELECT + " WHERE a.id = ANY($1) OR a.content_hash = ANY($2)";

  private final SqlConnection connection;

  /** The batch; each new article is replaced by itself with its stored time when inserted. */
  private final List<Article> articles;

  /** Each article's story sketch as the request gave it (null: made when grouping). */
  private final List<StorySketch> sketches;

  private final List<String> hashes;
  private final StoryRules storyRules;

  /** Set by {@link #write} from the newest stored article, under the writers' lock. */
  private StoredTimes times;

  /** Stored articles (before or by this batch) by id and by text hash. */
  private final Map<String, StoredArticle> byId = new HashMap<>();

  private final Map<String, StoredArticle> byHash = new HashMap<>();

  PostgresArticleBatch(SqlConnection connection, List<PutRequest> requests, StoryRules storyRules) {
    this.connection = connection;
    this.articles = new ArrayList<>(requests.stream().map(PutRequest::article).toList());
    this.sketches = requests.stream().map(PutRequest::sketch).toList();
    this.storyRules = storyRules;
    this.hashes = requests.stream().map(PutRequest::hash).toList();
  }

  /** Writes the batch; answers one result per article, in order. */
  Future<List<PutResult>> write() {
    return newestStoredTime()
        .compose(x -> findStored())
        .compose(x -> savepoint("batch"))
        .compose(x -> insertAll())
        .compose(results -> release("batch").map(results))
        .recover(
            e -> {
              if (!PostgresFailures.isArticlesOwn(e)) return Future.failedFuture(e);
              // The rollback undid the fast path's rows: forget them, and ask for what is stored.
              byId.clear();
              byHash.clear();
              return rollbackTo("batch")
                  .compose(x -> findStored())
                  .compose(x -> oneByOne(0, new ArrayList<>()));
            });
  }

  private Future<Void> newestStoredTime() {
    return connection
        .query(StoredTimes.NEWEST)
        .execute()
        .map(
            rows -> {
              times = new StoredTimes(rows.size() == 0 ? 0 : rows.iterator().next().getLong(0));
              return null;
            });
  }

  private Future<Void> findStored() {
    String[] ids = articles.stream().map(Article::id).toArray(String[]::new);
    return ArticleRows.read(
            connection, FIND_STORED, Tuple.of(ids, (Object) hashes.toArray(String[]::new)))
        .map(
            stored -> {
              for (StoredArticle s : stored) remember(duplicate(s), null);
              return null;
            });
  }

  /** The fast path: every new article of the batch in one insert. */
  private Future<List<PutResult>> insertAll() {
    List<Integer> fresh = new ArrayList<>();
    boolean[] isFresh = new boolean[articles.size()];
    Map<String, Integer> firstById = new HashMap<>();
    Map<String, Integer> firstByHash = new HashMap<>();
    Integer[] sameAs = new Integer[articles.size()];
    for (int i = 0; i < articles.size(); i++) {
      Integer earlier = firstById.get(articles.get(i).id());
      if (earlier == null) earlier = firstByHash.get(hashes.get(i));
      if (stored(i) != null) continue;
      if (earlier != null) {
        sameAs[i] = earlier;
        continue;
      }
      firstById.put(articles.get(i).id(), i);
      firstByHash.put(hashes.get(i), i);
      fresh.add(i);
      isFresh[i] = true;
    }
    return insert(fresh)
        .map(
            x -> {
              List<PutResult> results = new ArrayList<>(articles.size());
              for (int i = 0; i < articles.size(); i++) {
                StoredArticle s = sameAs[i] == null ? null : stored(sameAs[i]);
                if (s == null) s = stored(i);
                if (!isFresh[i]) s = duplicate(s);
                results.add(PutResult.of(s));
              }
              return results;
            });
  }

  /**
   * The slow path, after the fast one failed on some article's data: each article on its own,
   * deduplicated against everything stored so far, under its own savepoint.
   */
  private Future<List<PutResult>> oneByOne(int i, List<PutResult> results) {
    if (i == articles.size()) return Future.succeededFuture(results);
    StoredArticle existing = stored(i);
    if (existing != null) {
      results.add(PutResult.of(duplicate(existing)));
      return oneByOne(i + 1, results);
    }
    return savepoint("article")
        .compose(x -> insert(List.of(i)))
        .compose(x -> release("article"))
        .map(x -> PutResult.of(stored(i)))
        .recover(
            e -> {
              if (!PostgresFailures.isArticlesOwn(e)) return Future.failedFuture(e);
              String reason =
                  "cannot store article "
                      + articles.get(i).id()
                      + ": "
                      + PostgresFailures.message(e);
              return rollbackTo("article")
                  .compose(x -> release("article"))
                  .map(x -> PutResult.failed(reason));
            })
        .compose(
            result -> {
              results.add(result);
              return oneByOne(i + 1, results);
            });
  }

  /**
   * Groups these articles (by index) into stories, inserts them with their topics and band keys,
   * and remembers each as stored.
   */
  private Future<Void> insert(List<Integer> indexes) {
    if (indexes.isEmpty()) return Future.succeededFuture();
    for (int i : indexes) articles.set(i, times.stamp(articles.get(i)));
    List<Article> batch = indexes.stream().map(articles::get).toList();
    List<StoryGrouping.Incoming> incoming = new ArrayList<>();
    for (int i : indexes) {
      Article a = articles.get(i);
      incoming.add(
          new StoryGrouping.Incoming(a.id(), a.source(), a.url(), a.text(), sketches.get(i)));
    }
    return PostgresStories.group(connection, storyRules, incoming)
        .compose(stories -> insert(indexes, batch, stories));
  }

  private Future<Void> insert(
      List<Integer> indexes, List<Article> batch, List<StoryGrouping.Assignment> stories) {
    Tuple columns =
        Tuple.of(
            batch.stream().map(Article::id).toArray(String[]::new),
            indexes.stream().map(hashes::get).toArray(String[]::new),
            batch.stream().map(Article::title).toArray(String[]::new),
            batch.stream().map(Article::summary).toArray(String[]::new),
            batch.stream().map(Article::contentHtml).toArray(String[]::new),
            batch.stream().map(Article::text).toArray(String[]::new),
            batch.stream().map(Article::url).toArray(String[]::new),
            batch.stream().map(a -> a.source().id()).toArray(String[]::new),
            batch.stream().map(a -> a.source().title()).toArray(String[]::new),
            batch.stream().map(Article::author).toArray(String[]::new),
            batch.stream().map(a -> a.published().toEpochMilli()).toArray(Long[]::new),
            batch.stream().map(a -> a.ingested().toEpochMilli()).toArray(Long[]::new),
            batch.stream().map(a -> ArticleRows.tagsJson(a.tags())).toArray(String[]::new),
            stories.stream().map(StoryGrouping.Assignment::storyId).toArray(String[]::new));
    return connection
        .preparedQuery(INSERT_ARTICLES)
        .execute(columns)
        .compose(
            rows -> {
              Map<String, Long> seqs = new HashMap<>();
              for (Row r : rows) seqs.put(r.getString("id"), r.getLong("seq"));
              for (int i : indexes) {
                // Absent only if a writer that skipped the lock stored it meanwhile.
                if (!seqs.containsKey(articles.get(i).id())) {
                  return Future.failedFuture(raced(articles.get(i)));
                }
              }
              List<Long> inOrder = batch.stream().map(a -> seqs.get(a.id())).toList();
              return insertTopics(indexes, seqs)
                  .compose(x -> PostgresStories.addBands(connection, inOrder, stories))
                  .map(seqs);
            })
        .map(
            seqs -> {
              // only now: a failure above rolls these rows back, so they must not count as stored
              for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                StoryGrouping.Assignment story = stories.get(k);
                Article a = articles.get(i).withStory(story.storyId(), story.alsoIn());
                remember(new StoredArticle(a, true, seqs.get(a.id())), hashes.get(i));
              }
              return null;
            });
  }

  private Future<Void> insertTopics(List<Integer> indexes, Map<String, Long> seqOfId) {
    List<Long> seqs = new ArrayList<>();
    List<ArticleTopic> topics = new ArrayList<>();
    for (int i : indexes) {
      for (ArticleTopic t : articles.get(i).topics()) {
        seqs.add(seqOfId.get(articles.get(i).id()));
        topics.add(t);
      }
    }
    if (topics.isEmpty()) return Future.succeededFuture();
    return connection
        .preparedQuery(INSERT_TOPICS)
        .execute(
            Tuple.of(
                seqs.toArray(Long[]::new),
                topics.stream().map(ArticleTopic::slug).toArray(String[]::new),
                topics.stream().map(ArticleTopic::label).toArray(String[]::new),
                topics.stream().map(ArticleTopic::score).toArray(Double[]::new)))
        .mapEmpty();
  }

  private static IllegalStateException raced(Article a) {
    return new IllegalStateException(
        "article " + a.id() + " was stored by a writer without the article writers' lock");
  }

  /** The stored article with article i's id or text, or null. */
  private StoredArticle stored(int i) {
    StoredArticle s = byId.get(articles.get(i).id());
    return s != null ? s : byHash.get(hashes.get(i));
  }

  private void remember(StoredArticle s, String hash) {
    byId.putIfAbsent(s.article().id(), s);
    byHash.putIfAbsent(hash != null ? hash : ArticleIds.contentHash(s.article().text()), s);
  }

  private static StoredArticle duplicate(StoredArticle s) {
    return new StoredArticle(s.article(), false, s.seq());
  }

  private Future<Void> savepoint(String name) {
    return connection.query("SAVEPOINT " + name).execute().mapEmpty();
  }

  private Future<Void> release(String name) {
    return connection.query("RELEASE SAVEPOINT " + name).execute().mapEmpty();
  }

  private Future<Void> rollbackTo(String name) {
    return connection.query("ROLLBACK TO SAVEPOINT " + name).execute().mapEmpty();
  }
}
