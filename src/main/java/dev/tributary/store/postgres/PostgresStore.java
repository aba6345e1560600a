package dev.tributary.store.postgres;

import dev.tributary.article.Article;
import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.sources.Sources;
import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.NewerPage;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.ReaderSql;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StateChange;
import dev.tributary.store.Store;
import dev.tributary.store.StoredSeqs;
import dev.tributary.store.StoriesRegrouped;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import dev.tributary.store.UnreadCounts;
import dev.tributary.stories.StoryRules;
import dev.tributary.websub.HubSubscription;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store on PostgreSQL ({@code store.kind=postgres}): the same behaviour as the SQLite store,
 * shared by every instance of a cluster. Blocking like every {@link Store}, on top of the reactive
 * client ({@link PostgresDatabase#await}); the writer and each reader of one instance are separate
 * {@code PostgresStore}s over that instance's one pool.
 *
 * <p>Sequence numbers follow commit order: every transaction that inserts articles first takes the
 * transaction-scoped advisory lock {@link #ARTICLE_WRITERS}, so article writers — on any instance —
 * commit one after another, and a transaction that draws higher sequence numbers commits after
 * every one holding lower ones. A reader that has seen everything up to seq N (the stream's replay,
 * an SSE resume, the corpus keeper) never misses a row committed later with a lower seq.
 */
public final class PostgresStore implements Store {
  /** The advisory lock key of article-writing transactions ("tribwrit"). */
  static final long ARTICLE_WRITERS = 0x7472_6962_7772_6974L;

  private final PostgresDatabase db;
  private final boolean ownsDatabase;
  private final StoryRules storyRules;

  private PostgresStore(PostgresDatabase db, boolean ownsDatabase, StoryRules storyRules) {
    this.db = db;
    this.ownsDatabase = ownsDatabase;
    this.storyRules = storyRules;
  }

  /** A store over a database that its opener keeps, migrates and closes. */
  public static PostgresStore on(PostgresDatabase db) {
    return on(db, StoryRules.DEFAULT);
  }

  /** {@link #on(PostgresDatabase)}, grouping new articles into stories by these rules. */
  public static PostgresStore on(PostgresDatabase db, StoryRules storyRules) {
    return new PostgresStore(db, false, storyRules);
  }

  /** A store that owns its database: it migrated it, and closing the store closes the pool. */
  public static PostgresStore owning(PostgresDatabase db) {
    return owning(db, StoryRules.DEFAULT);
  }

  /** {@link #owning(PostgresDatabase)}, grouping new articles into stories by these rules. */
  public static PostgresStore owning(PostgresDatabase db, StoryRules storyRules) {
    db.migrate();
    return new PostgresStore(db, true, storyRules);
  }

  @Override
  public List<PutResult> putBatch(List<PutRequest> articles) {
    if (articles.isEmpty()) return List.of();
    return call(
        "cannot store " + articles.size() + " article(s)",
        () ->
            db.inTransaction(
                tx ->
                    lockArticleWriters(tx)
                        .compose(x -> new PostgresArticleBatch(tx, articles, storyRules).write())));
  }

  /** Waits for the other article writers' transactions to end (see the class comment). */
  static Future<Void> lockArticleWriters(io.vertx.sqlclient.SqlClient tx) {
    return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)")
        .execute(Tuple.of(ARTICLE_WRITERS))
        .mapEmpty();
  }

  @Override
  public Optional<Article> get(String id) {
    return call(
        "cannot read article " + id,
        () ->
            ArticleRows.read(db.pool(), ArticleRows.SELECT + " WHERE a.id = $1", Tuple.of(id))
                .map(rows -> rows.stream().findFirst().map(s -> s.article())));
  }

  @Override
  public TimelinePage timeline(TimelineQuery query) {
    return call("cannot read the timeline", () -> PostgresTimeline.page(db.pool(), query));
  }

  @Override
  public TopicCounts topicCounts() {
    return call("cannot count topics", () -> PostgresTopics.counts(db.pool()));
  }

  @Override
  public long count() {
    return number("cannot count articles", "SELECT COUNT(*) FROM articles");
  }

  @Override
  public ReplayBatch storedAfter(ReplayQuery query) {
    return call(
        "cannot read articles after " + query.afterSeq(),
        () -> PostgresTimeline.storedAfter(db.pool(), query).map(ReplayBatch::new));
  }

  @Override
  public CorpusPage corpusTerms(CorpusQuery query) {
    // One transaction: the state and the page are of the same snapshot.
    return call(
        "cannot read the corpus statistics",
        () -> db.inTransaction(tx -> PostgresCorpus.page(tx, query)));
  }

  @Override
  public void saveCorpus(CorpusDelta delta) {
    call(
        "cannot save the corpus statistics",
        () -> db.inTransaction(tx -> PostgresCorpus.add(tx, delta)));
  }

  @Override
  public StoredSeqs seqsAfter(ReplayQuery query) {
    return call(
        "cannot read sequence numbers after " + query.afterSeq(),
        () -> PostgresCorpus.seqsAfter(db.pool(), query.afterSeq(), query.limit()));
  }

  @Override
  public int replaceTopics(TopicUpdates updates) {
    return call(
        "cannot replace topics", () -> db.inTransaction(tx -> PostgresTopics.replace(tx, updates)));
  }

  @Override
  public int addExamples(TopicExamples examples) {
    return call(
        "cannot store topic examples",
        () -> db.inTransaction(tx -> PostgresTopics.addExamples(tx, examples)));
  }

  @Override
  public TopicExamples examples() {
    return call("cannot read topic examples", () -> PostgresTopics.examples(db.pool()));
  }

  @Override
  public Source addSource(Source source) {
    return call("cannot subscribe " + source.url(), () -> PostgresSources.add(db.pool(), source));
  }

  @Override
  public void updateSource(Source source) {
    call("cannot update source " + source.id(), () -> PostgresSources.update(db.pool(), source));
  }

  @Override
  public boolean deleteSource(String id) {
    return call("cannot delete source " + id, () -> PostgresSources.delete(db.pool(), id));
  }

  @Override
  public Sources sources() {
    return call("cannot list sources", () -> PostgresSources.all(db.pool()).map(Sources::new));
  }

  @Override
  public Optional<Source> source(String id) {
    return call("cannot read source " + id, () -> PostgresSources.byId(db.pool(), id));
  }

  @Override
  public Sources claimDueSources(DueQuery query) {
    return call(
        "cannot claim due sources",
        () -> PostgresSources.claimDue(db.pool(), query).map(Sources::new));
  }

  @Override
  public Optional<HubSubscription> hubSubscription(String sourceId) {
    return call(
        "cannot read the hub subscription of " + sourceId,
        () -> PostgresHubSubscriptions.bySource(db.pool(), sourceId));
  }

  @Override
  public boolean saveHubSubscription(HubSubscription subscription) {
    return call(
        "cannot save the hub subscription of " + subscription.sourceId(),
        () -> PostgresHubSubscriptions.save(db.pool(), subscription));
  }

  @Override
  public NewerPage newerPage(TimelineQuery query) {
    ReaderSql.Statement st = NewerPage.sql(query);
    return call(
        "cannot read the timeline",
        () ->
            db.pool()
                .preparedQuery(st.numbered())
                .execute(Tuple.from(new java.util.ArrayList<Object>(st.params())))
                .map(
                    rows -> {
                      List<long[]> found = new java.util.ArrayList<>();
                      for (Row r : rows) found.add(new long[] {r.getLong(0), r.getLong(1)});
                      return NewerPage.of(found, query.limit());
                    }));
  }

  @Override
  public ReaderPage readerPage(ReaderQuery query) {
    // One transaction (repeatable read): the page's states and its articles are of one snapshot.
    return call(
        "cannot read a reader stream",
        () -> db.inSnapshot(tx -> PostgresReaderState.page(tx, query)));
  }

  @Override
  public List<ReaderItem> readerItems(List<Long> seqs) {
    if (seqs.isEmpty()) return List.of();
    return call(
        "cannot read reader items", () -> db.inSnapshot(tx -> PostgresReaderState.items(tx, seqs)));
  }

  @Override
  public int changeState(StateChange change) {
    return call(
        "cannot change the reader state",
        () -> db.inTransaction(tx -> PostgresReaderState.change(tx, change)));
  }

  @Override
  public int markAllRead(MarkAllRead mark) {
    return call(
        "cannot mark articles read",
        () -> db.inTransaction(tx -> PostgresReaderState.markAllRead(tx, mark)));
  }

  @Override
  public UnreadCounts unreadCounts() {
    return call(
        "cannot count unread articles", () -> db.inSnapshot(PostgresReaderState::unreadCounts));
  }

  @Override
  public ReaderSources readerSources(boolean withTopics) {
    return call(
        "cannot list the reader's sources",
        () -> db.inSnapshot(tx -> PostgresReaderState.sources(tx, withTopics)));
  }

  @Override
  public void clearStories() {
    call(
        "cannot clear the stories",
        () ->
            db.inTransaction(tx -> lockArticleWriters(tx).compose(x -> PostgresStories.clear(tx))));
  }

  @Override
  public StoriesRegrouped regroupStories(long afterSeq, int limit) {
    return call(
        "cannot group the articles after " + afterSeq,
        () ->
            db.inTransaction(
                tx ->
                    lockArticleWriters(tx)
                        .compose(x -> PostgresStories.regroup(tx, storyRules, afterSeq, limit))));
  }

  @Override
  public Set<String> existingIds(List<String> ids) {
    if (ids.isEmpty()) return Set.of();
    return call(
        "cannot look up article ids",
        () ->
            db.pool()
                .preparedQuery("SELECT id FROM articles WHERE id = ANY($1)")
                .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                .map(
                    rows -> {
                      Set<String> found = new HashSet<>();
                      for (Row r : rows) found.add(r.getString(0));
                      return found;
                    }));
  }

  @Override
  public long lastSeq() {
    return number(
        "cannot read the last sequence number", "SELECT COALESCE(MAX(seq), 0) FROM articles");
  }

  @Override
  public void ping() {
    number("store unreachable", "SELECT COUNT(*) FROM schema_version");
  }

  /**
   * A write that needs room: it fails with {@code disk_full} while the server's disk is full. Asked
   * only while writes are failing for that reason.
   */
  @Override
  public void checkWritable() {
    call(
        "cannot write to the store",
        () ->
            db.pool()
                .query("UPDATE corpus_state SET documents = documents WHERE id = 1")
                .execute()
                .mapEmpty());
  }

  private long number(String what, String query) {
    return call(
        what,
        () -> db.pool().query(query).execute().map(rows -> rows.iterator().next().getLong(0)));
  }

  /** Runs the work on the database and waits; its failure as the store's exception. */
  private <T> T call(String what, Supplier<Future<T>> work) {
    try {
      return db.await(work);
    } catch (RuntimeException e) {
      throw PostgresFailures.of(what, e);
    }
  }

  @Override
  public void close() {
    if (ownsDatabase) db.close();
  }
}
