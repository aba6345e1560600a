package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.sources.Sources;
import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.Migrations;
import dev.tributary.store.NewerPage;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StateChange;
import dev.tributary.store.Store;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoreFullException;
import dev.tributary.store.StoredSeqs;
import dev.tributary.store.StoredTimes;
import dev.tributary.store.StoriesRegrouped;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import dev.tributary.store.UnreadCounts;
import dev.tributary.stories.StoryRules;
import dev.tributary.websub.HubSubscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file in WAL mode with full fsync, so an acknowledged article
 * survives a crash. One connection, used from one thread.
 */
public final class SqliteStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

  /**
   * The schema's scripts in order (db/sqlite/); a test builds an older schema from the first few.
   */
  public static final List<String> MIGRATIONS =
      List.of(
          "V1__articles.sql",
          "V2__topic_examples.sql",
          "V3__sources.sql",
          "V4__hub_subscriptions.sql",
          "V5__hub_callback_token.sql",
          "V6__corpus_terms.sql",
          "V7__source_leases.sql",
          "V8__stories.sql",
          "V9__reader_state.sql",
          "V10__fts_written_by_the_store.sql",
          "V11__search_index_in_its_own_file.sql");

  private final Connection connection;
  private final SqliteTimeline timeline;
  private final SqliteTopics topicWriter;
  private final SqliteSources sourceTable;
  private final SqliteHubSubscriptions hubTable;
  private final SqliteFailures failures;
  private final SqliteCorpus corpus;
  private final SqliteReaderState reader;
  private final StoryRules storyRules;

  /** Band rows of the newest articles, written every few thousand (writer only). */
  private final PendingBands pendingBands = new PendingBands();

  /** Band buckets the writer has read, kept exact through the band flush (writer only). */
  private final StoredBuckets storedBuckets = new StoredBuckets();

  /** The full-text index, written by a thread of its own (writer only; null on a reader). */
  private SqliteSearchIndex searchIndex;

  /** The log's checkpoints, beside the writer; null on a reading connection. */
  private WalCheckpoints checkpoints;

  /** Prepared on the first {@link #putAll}: reading connections never write. */
  private SqliteArticleBatch articleWrites;

  private SqliteStore(Connection connection, Path dataDir, StoryRules storyRules) {
    this.connection = connection;
    this.storyRules = storyRules;
    this.failures = new SqliteFailures(dataDir);
    this.timeline = new SqliteTimeline(connection);
    this.topicWriter = new SqliteTopics(connection);
    this.sourceTable = new SqliteSources(connection);
    this.hubTable = new SqliteHubSubscriptions(connection);
    this.corpus = new SqliteCorpus(connection);
    this.reader = new SqliteReaderState(connection, timeline);
  }

  /** {@link #open(Path, StoryRules)} with the default story rules. */
  public static SqliteStore open(Path dataDir) {
    return open(dataDir, StoryRules.DEFAULT);
  }

  /**
   * Opens (creating and migrating when needed) {@code dataDir/tributary.db}, grouping new articles
   * into stories by these rules.
   */
  public static SqliteStore open(Path dataDir, StoryRules storyRules) {
    Path file = dataDir.resolve("tributary.db");
    try {
      Files.createDirectories(dataDir);
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("PRAGMA busy_timeout = 5000");
        // 64 MiB of pages for the writer (the default is 2 MB): the story band index is written at
        // random places, and every article writes a few dozen of them.
        st.execute("PRAGMA cache_size = -65536");
      }
      new Migrations("sqlite", MIGRATIONS).migrate(connection);
      SqliteStore store = new SqliteStore(connection, dataDir, storyRules);
      SqliteStories.recover(connection, storyRules, store.pendingBands);
      store.searchIndex = SqliteSearchIndex.open(dataDir); // indexes what is missing
      SqliteSearchIndex.attach(connection, dataDir.resolve(SqliteSearchIndex.FILE), "search");
      store.checkpoints = WalCheckpoints.open(file, connection);
      return store;
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException(
          "cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a reading connection to {@code dataDir/tributary.db}, which a writing {@link #open} has
   * created and migrated: {@code query_only}, so any write through it fails. In WAL mode it reads
   * the last committed state while the writer writes, never waiting for it.
   */
  public static SqliteStore openReader(Path dataDir) {
    Path file = dataDir.resolve("tributary.db");
    try {
      if (!Files.exists(file)) throw new SQLException("no database yet (the writer creates it)");
      Path search = dataDir.resolve(SqliteSearchIndex.FILE);
      if (!Files.exists(search))
        throw new SQLException("no search index yet (the writer makes it)");
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      SqliteSearchIndex.attach(connection, search, "search");
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA query_only = 1");
        st.execute("PRAGMA busy_timeout = 5000");
      }
      return new SqliteStore(connection, dataDir, StoryRules.DEFAULT);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open the SQLite store at " + file + " for reading: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the batch in one transaction, first as it comes; when that fails for anything but a full
   * disk, once more with each article under its own savepoint, so that an article SQLite refuses
   * fails alone and the others are stored (the first attempt left nothing behind).
   */
  @Override
  public List<PutResult> putBatch(List<PutRequest> articles) {
    if (articles.isEmpty()) return List.of();
    List<PutResult> stored;
    try {
      stored = write(articles, false);
    } catch (SQLException | RuntimeException e) {
      undo();
      if (e instanceof SQLException se) {
        StoreException failure = failures.of("cannot store " + articles.size() + " article(s)", se);
        if (failure instanceof StoreFullException) throw failure;
      }
      LOG.debug("A batch of {} failed ({}); writing each article alone", articles.size(), e);
      try {
        stored = write(articles, true);
      } catch (SQLException | RuntimeException again) {
        undo();
        if (again instanceof RuntimeException re) throw re;
        throw failures.of("cannot store " + articles.size() + " article(s)", (SQLException) again);
      }
    }
    pendingBands.commit();
    checkpoints.request();
    if (stored.stream().anyMatch(r -> !r.isFailed() && r.stored().created())) {
      searchIndex.request();
    }
    flushBandsIfDue();
    return stored;
  }

  private List<PutResult> write(List<PutRequest> articles, boolean isolated) throws SQLException {
    return inTransaction(
        () -> {
          List<PutResult> results = new ArrayList<>(articles.size());
          SqliteArticleBatch writes = articleWrites();
          StoredTimes times = writes.storedTimes();
          writes.stories().startBatch();
          for (PutRequest a : articles) results.add(writes.put(a, times, isolated));
          if (articles.size() > 1) results = writes.stories().asCommitted(results);
          if (results.stream().anyMatch(PutResult::isFailed)) dropArticleWrites();
          return results;
        });
  }

  /** After a failed transaction: its band rows go, and the kept statements are closed. */
  private void undo() {
    pendingBands.discard();
    dropArticleWrites();
  }

  /**
   * Writes the pending band rows once enough have gathered, in a transaction of their own: a
   * failure leaves them pending (and the articles stored), to be written at the next try.
   */
  private void flushBandsIfDue() {
    if (pendingBands.isDue()) flushBands();
  }

  private void flushBands() {
    try {
      inTransaction(
          () -> {
            SqliteStories.flush(connection, pendingBands, storedBuckets);
            return null;
          });
    } catch (SQLException | RuntimeException e) {
      storedBuckets.clear(); // they may hold rows the rolled-back flush wrote
      LOG.warn("Could not write the story band rows yet (they stay pending): {}", e.getMessage());
    }
  }

  /**
   * The article writes' statements, prepared on the first put and kept until {@link #close} or a
   * failure.
   */
  private SqliteArticleBatch articleWrites() throws SQLException {
    if (articleWrites == null) {
      articleWrites =
          new SqliteArticleBatch(
              connection, timeline, failures, storyRules, pendingBands, storedBuckets);
    }
    return articleWrites;
  }

  /**
   * Closes the kept statements after a failed article or batch: SQLite may leave a statement that
   * failed (a full disk, say) unusable, so the next batch prepares its own, as before they were
   * kept.
   */
  private void dropArticleWrites() {
    if (articleWrites == null) return;
    try {
      articleWrites.close();
    } catch (SQLException e) {
      LOG.warn("Closing the article statements after a failure failed too: {}", e.getMessage());
    }
    articleWrites = null;
  }

  @Override
  public Optional<Article> get(String id) {
    try (PreparedStatement ps =
        connection.prepareStatement(ArticleRows.SELECT + " WHERE a.id = ?")) {
      ps.setString(1, id);
      return timeline.readOne(ps);
    } catch (SQLException e) {
      throw failures.of("cannot read article " + id, e);
    }
  }

  @Override
  public TimelinePage timeline(TimelineQuery query) {
    try {
      if (query.text() != null && searchIndex != null) indexPending(); // a search sees its writes
      return timeline.page(query);
    } catch (SQLException e) {
      throw failures.of("cannot read the timeline", e);
    }
  }

  @Override
  public ReplayBatch storedAfter(ReplayQuery query) {
    try {
      return new ReplayBatch(timeline.storedAfter(query));
    } catch (SQLException e) {
      throw failures.of("cannot read articles after " + query.afterSeq(), e);
    }
  }

  @Override
  public CorpusPage corpusTerms(CorpusQuery query) {
    // One read transaction: the state and the page are of the same moment.
    return sql("cannot read the corpus statistics", () -> inTransaction(() -> corpus.page(query)));
  }

  @Override
  public void saveCorpus(CorpusDelta delta) {
    sql(
        "cannot save the corpus statistics",
        () ->
            inTransaction(
                () -> {
                  corpus.add(delta);
                  return null;
                }));
  }

  @Override
  public StoredSeqs seqsAfter(ReplayQuery query) {
    return sql(
        "cannot read sequence numbers after " + query.afterSeq(),
        () -> corpus.seqsAfter(query.afterSeq(), query.limit()));
  }

  @Override
  public int replaceTopics(TopicUpdates updates) {
    try {
      return inTransaction(() -> topicWriter.replace(updates));
    } catch (SQLException e) {
      throw failures.of("cannot replace topics", e);
    }
  }

  @Override
  public int addExamples(TopicExamples examples) {
    try {
      return inTransaction(() -> topicWriter.addExamples(examples));
    } catch (SQLException e) {
      throw failures.of("cannot store topic examples", e);
    }
  }

  @Override
  public TopicExamples examples() {
    try {
      return topicWriter.examples();
    } catch (SQLException e) {
      throw failures.of("cannot read topic examples", e);
    }
  }

  /** Runs the work in one transaction on the writing connection ({@link SqliteTransaction}). */
  private <T> T inTransaction(SqliteTransaction.Work<T> work) throws SQLException {
    return SqliteTransaction.run(connection, work);
  }

  private void execute(String sql) throws SQLException {
    SqliteTransaction.execute(connection, sql);
  }

  @Override
  public TopicCounts topicCounts() {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT slug, COUNT(*) FROM article_topics GROUP BY slug")) {
      while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
      return new TopicCounts(counts);
    } catch (SQLException e) {
      throw failures.of("cannot count topics", e);
    }
  }

  @Override
  public Source addSource(Source source) {
    return sql("cannot subscribe " + source.url(), () -> sourceTable.add(source));
  }

  @Override
  public void updateSource(Source source) {
    sql(
        "cannot update source " + source.id(),
        () -> {
          sourceTable.update(source);
          return null;
        });
  }

  @Override
  public boolean deleteSource(String id) {
    return sql("cannot delete source " + id, () -> sourceTable.delete(id));
  }

  @Override
  public Sources sources() {
    return new Sources(sql("cannot list sources", sourceTable::all));
  }

  @Override
  public Optional<Source> source(String id) {
    return sql("cannot read source " + id, () -> sourceTable.byId(id));
  }

  @Override
  public Optional<HubSubscription> hubSubscription(String sourceId) {
    return sql(
        "cannot read the hub subscription of " + sourceId, () -> hubTable.bySource(sourceId));
  }

  @Override
  public boolean saveHubSubscription(HubSubscription subscription) {
    return sql(
        "cannot save the hub subscription of " + subscription.sourceId(),
        () -> hubTable.save(subscription));
  }

  @Override
  public Sources claimDueSources(DueQuery query) {
    return new Sources(sql("cannot claim due sources", () -> sourceTable.claimDue(query)));
  }

  @Override
  public NewerPage newerPage(TimelineQuery query) {
    return sql("cannot read the timeline", () -> reader.newerPage(query));
  }

  @Override
  public ReaderPage readerPage(ReaderQuery query) {
    // One read transaction: the page's states and its articles are of the same moment.
    return sql("cannot read a reader stream", () -> inTransaction(() -> reader.page(query)));
  }

  @Override
  public List<ReaderItem> readerItems(List<Long> seqs) {
    if (seqs.isEmpty()) return List.of();
    return sql("cannot read reader items", () -> inTransaction(() -> reader.items(seqs)));
  }

  @Override
  public int changeState(StateChange change) {
    return sql("cannot change the reader state", () -> inTransaction(() -> reader.change(change)));
  }

  @Override
  public int markAllRead(MarkAllRead mark) {
    return sql("cannot mark articles read", () -> inTransaction(() -> reader.markAllRead(mark)));
  }

  @Override
  public UnreadCounts unreadCounts() {
    return sql("cannot count unread articles", () -> inTransaction(reader::unreadCounts));
  }

  @Override
  public ReaderSources readerSources(boolean withTopics) {
    return sql(
        "cannot list the reader's sources", () -> inTransaction(() -> reader.sources(withTopics)));
  }

  @Override
  public void clearStories() {
    sql(
        "cannot clear the stories",
        () ->
            inTransaction(
                () -> {
                  execute("DELETE FROM story_bands");
                  execute("UPDATE articles SET story_id = id WHERE story_id IS NOT id");
                  SqliteStories.markAll(connection);
                  pendingBands.clear();
                  storedBuckets.clear();
                  return null;
                }));
  }

  @Override
  public StoriesRegrouped regroupStories(long afterSeq, int limit) {
    StoriesRegrouped done;
    try {
      done = inTransaction(() -> articleWrites().stories().regroup(afterSeq, limit));
    } catch (SQLException | RuntimeException e) {
      pendingBands.discard();
      dropArticleWrites();
      if (e instanceof RuntimeException re) throw re;
      throw failures.of("cannot group the articles after " + afterSeq, (SQLException) e);
    }
    pendingBands.commit();
    flushBandsIfDue();
    return done;
  }

  @Override
  public Set<String> existingIds(List<String> ids) {
    if (ids.isEmpty()) return Set.of();
    return sql(
        "cannot look up article ids",
        () -> {
          Set<String> found = new HashSet<>();
          String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
          try (PreparedStatement ps =
              connection.prepareStatement("SELECT id FROM articles WHERE id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) ps.setString(i + 1, ids.get(i));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) found.add(rs.getString(1));
            }
          }
          return found;
        });
  }

  private <T> T sql(String what, SqliteTransaction.Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw failures.of(what, e);
    }
  }

  @Override
  public long count() {
    return number("cannot count articles", "SELECT COUNT(*) FROM articles");
  }

  @Override
  public void ping() {
    number("store unreachable", "SELECT COUNT(*) FROM schema_version");
  }

  @Override
  public long lastSeq() {
    return number(
        "cannot read the last sequence number", "SELECT COALESCE(MAX(seq), 0) FROM articles");
  }

  /** The one number a query answers. */
  private long number(String what, String query) {
    return sql(
        what,
        () -> {
          try (Statement st = connection.createStatement();
              ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void checkWritable() {
    failures.checkRoom();
    long pages = pragma("page_count");
    if (pages >= pragma("max_page_count")) {
      throw new StoreFullException(
          "the database is at its page limit (" + pages + "): " + SqliteFailures.FULL, null);
    }
  }

  /**
   * Caps the database at this many pages (SQLite's {@code max_page_count}, for this connection): a
   * write that needs more fails with {@code SQLITE_FULL}, as on a full disk. Lets tests fill the
   * store without filling a disk.
   */
  void limitPages(long pages) {
    sql(
        "cannot limit the database size",
        () -> {
          execute("PRAGMA max_page_count = " + pages);
          return null;
        });
  }

  private long pragma(String name) {
    return number("cannot read " + name, "PRAGMA " + name);
  }

  /**
   * Brings the full-text index (written by its own thread, {@link SqliteSearchIndex}) up to date
   * with every stored article before returning, for a caller that searches through another
   * connection right after writing; a failure is logged and left for the next try.
   */
  public void indexPending() {
    if (searchIndex == null) return;
    try {
      searchIndex.catchUpNow();
    } catch (SQLException e) {
      LOG.warn(
          "Could not write the search index yet (it is written at the next try): {}",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    if (!pendingBands.isEmpty()) flushBands();
    if (searchIndex != null) searchIndex.close();
    if (checkpoints != null) checkpoints.close();
    if (!storyRules.enabled() && articleWrites != null) {
      // articles stored with detection off owe no band rows: nothing to compute at the next open
      sql(
          "cannot move the story watermark",
          () -> {
            SqliteStories.markAll(connection);
            return null;
          });
    }
    try (Connection c = connection) {
      if (articleWrites != null) articleWrites.close();
    } catch (SQLException e) {
      throw failures.of("cannot close the store", e);
    }
  }
}
