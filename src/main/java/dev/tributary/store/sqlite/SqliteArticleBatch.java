package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoreFullException;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.StoredTimes;
import dev.tributary.stories.StoryGrouping;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The writes of {@link dev.tributary.store.Store#putBatch}, inside the caller's transaction. Each
 * statement is prepared once for the writing connection and reused for every article of every
 * batch: at batch sizes of a hundred, preparing per article was a large share of the writer's time,
 * and under load most group commits hold one to four articles, so preparing per batch still was
 * (bench/README.md, ingest). Its full-text index is written later, in batches (SqliteSearchIndex,
 * V11).
 */
final class SqliteArticleBatch implements AutoCloseable {
  private static final String INSERT_ARTICLE =
      "INSERT INTO articles (id, content_hash, title, summary, content_html, text, url, source_id,"
          + " source_title, author, published_ms, ingested_ms, tags, story_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A new article is unread for the reader account (store/ReaderSql). */
  private static final String INSERT_UNREAD =
      "INSERT INTO reader_unread (article_seq, source_id, ingested_ms) VALUES (?, ?, ?)";

  private final SqliteTimeline reader;
  private final SqliteFailures failures;
  private final SqliteStories stories;
  private final PreparedStatement findDuplicate;
  private final PreparedStatement insertArticle;
  private final PreparedStatement insertTopics;
  private final PreparedStatement insertUnread;
  private final PreparedStatement newest;
  private final PreparedStatement savepoint;
  private final PreparedStatement release;
  private final PreparedStatement rollbackTo;

  SqliteArticleBatch(
      Connection connection,
      SqliteTimeline reader,
      SqliteFailures failures,
      StoryRules rules,
      PendingBands pendingBands,
      StoredBuckets storedBuckets)
      throws SQLException {
    this.reader = reader;
    this.failures = failures;
    this.stories = new SqliteStories(connection, rules, pendingBands, storedBuckets);
    PreparedStatement duplicate = null;
    PreparedStatement article = null;
    PreparedStatement topics = null;
    PreparedStatement unread = null;
    PreparedStatement last = null;
    PreparedStatement save = null;
    PreparedStatement done = null;
    PreparedStatement undo = null;
    try {
      duplicate =
          connection.prepareStatement(
              ArticleRows.SELECT + " WHERE a.id = ? OR a.content_hash = ? LIMIT 1");
      article = connection.prepareStatement(INSERT_ARTICLE, Statement.RETURN_GENERATED_KEYS);
      topics = connection.prepareStatement(SqliteTopics.INSERT);
      unread = connection.prepareStatement(INSERT_UNREAD);
      last = connection.prepareStatement(StoredTimes.NEWEST);
      save = connection.prepareStatement("SAVEPOINT article");
      done = connection.prepareStatement("RELEASE article");
      undo = connection.prepareStatement("ROLLBACK TO article");
    } catch (SQLException e) {
      closeAll(e, duplicate, article, topics, unread, last, save, done, undo);
      stories.close();
      throw e;
    }
    this.findDuplicate = duplicate;
    this.insertArticle = article;
    this.insertTopics = topics;
    this.insertUnread = unread;
    this.newest = last;
    this.savepoint = save;
    this.release = done;
    this.rollbackTo = undo;
  }

  /**
   * One article of the batch: a duplicate when the id or the text is stored already (the
   * transaction sees the batch's own earlier rows, so dedup holds inside a batch too); else given
   * its stored time by {@code times} and its story, and inserted.
   *
   * <p>{@code isolated}: under a savepoint, so that its failure rolls back only its own rows and is
   * answered as this article's result (a full disk is still the batch's failure, thrown on).
   * Otherwise any failure is thrown, for the caller to write the batch again isolated. Savepoints
   * are not free: FTS5 writes out the index entries it holds in memory at each one, so a batch
   * written article by article under savepoints builds its index in many small pieces.
   */
  PutResult put(PutRequest request, StoredTimes times, boolean isolated) throws SQLException {
    Article given = request.article();
    String contentHash = request.hash();
    Optional<StoredArticle> existing = findDuplicate(given.id(), contentHash);
    if (existing.isPresent()) return PutResult.of(existing.get());
    Article article = times.stamp(given);
    if (!isolated) return stored(insert(article, contentHash, request.sketch()));
    savepoint.execute();
    try {
      PutResult inserted = insert(article, contentHash, request.sketch());
      release.execute();
      return stored(inserted);
    } catch (SQLException e) {
      StoreException failure = failures.of("cannot store article " + article.id(), e);
      if (failure instanceof StoreFullException) throw e;
      rollbackToSavepoint(e);
      return PutResult.failed(failure.getMessage());
    } catch (RuntimeException e) {
      rollbackToSavepoint(e);
      return PutResult.failed("cannot store article " + article.id() + ": " + e);
    }
  }

  private PutResult stored(PutResult inserted) {
    StoredArticle s = inserted.stored();
    stories.stored(s.seq(), s.article().source().id());
    return inserted;
  }

  /** Groups the article into its story and inserts its rows. */
  private PutResult insert(Article article, String contentHash, StorySketch sketch)
      throws SQLException {
    StoryGrouping.Assignment story =
        stories.group(
            new StoryGrouping.Incoming(
                article.id(), article.source(), article.url(), article.text(), sketch));
    long seq = insertArticle(article, contentHash, story.storyId());
    SqliteTopics.insert(insertTopics, seq, article.topics());
    insertUnread.setLong(1, seq);
    insertUnread.setString(2, article.source().id());
    insertUnread.setLong(3, article.ingested().toEpochMilli());
    insertUnread.executeUpdate();
    stories.addBands(seq, story.bandKeys());
    Article stored = article.withStory(story.storyId(), story.alsoIn());
    return PutResult.of(new StoredArticle(stored, true, seq));
  }

  /** Story detection on the same connection, its statements kept as these are. */
  SqliteStories stories() {
    return stories;
  }

  /**
   * Undoes one article's rows. When that fails SQLite has dropped the whole transaction (it does on
   * some errors), so the batch cannot go on: the article's failure is thrown as the batch's.
   */
  private <E extends Exception> void rollbackToSavepoint(E failure) throws SQLException {
    try {
      insertTopics.clearBatch();
      rollbackTo.execute();
      release.execute();
    } catch (SQLException e) {
      e.addSuppressed(failure);
      throw e;
    }
  }

  /** The stored times of this batch's new articles, after the newest stored article's. */
  StoredTimes storedTimes() throws SQLException {
    try (ResultSet rs = newest.executeQuery()) {
      return new StoredTimes(rs.next() ? rs.getLong(1) : 0);
    }
  }

  private Optional<StoredArticle> findDuplicate(String id, String contentHash) throws SQLException {
    findDuplicate.setString(1, id);
    findDuplicate.setString(2, contentHash);
    return reader.readStored(findDuplicate).stream()
        .findFirst()
        .map(s -> new StoredArticle(s.article(), false, s.seq()));
  }

  private long insertArticle(Article a, String contentHash, String storyId) throws SQLException {
    PreparedStatement ps = insertArticle;
    ps.setString(1, a.id());
    ps.setString(2, contentHash);
    ps.setString(3, a.title());
    ps.setString(4, a.summary());
    ps.setString(5, a.contentHtml());
    ps.setString(6, a.text());
    ps.setString(7, a.url());
    ps.setString(8, a.source().id());
    ps.setString(9, a.source().title());
    ps.setString(10, a.author());
    ps.setLong(11, a.published().toEpochMilli());
    ps.setLong(12, a.ingested().toEpochMilli());
    ps.setString(13, ArticleRows.tagsJson(a.tags()));
    ps.setString(14, storyId);
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = new SQLException("cannot close the batch's statements");
    closeAll(
        failure,
        findDuplicate,
        insertArticle,
        insertTopics,
        insertUnread,
        newest,
        savepoint,
        release,
        rollbackTo);
    try {
      stories.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    if (failure.getSuppressed().length > 0) throw failure;
  }

  private static void closeAll(SQLException failure, Statement... statements) {
    for (Statement st : statements) {
      if (st == null) continue;
      try {
        st.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
