package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.store.DueQuery;
import dev.tributary.store.HubSubscription;
import dev.tributary.store.Migrations;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.Source;
import dev.tributary.store.Sources;
import dev.tributary.store.Store;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicCounts;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded store: one SQLite file in WAL mode with full fsync, so an acknowledged article
 * survives a crash. One connection, used from one thread.
 */
public final class SqliteStore implements Store {
  static final List<String> MIGRATIONS =
      List.of(
          "V1__articles.sql",
          "V2__topic_examples.sql",
          "V3__sources.sql",
          "V4__hub_subscriptions.sql",
          "V5__hub_callback_token.sql");

  private final Connection connection;
  private final SqliteTimeline timeline;
  private final SqliteTopics topicWriter;
  private final SqliteSources sourceTable;
  private final SqliteHubSubscriptions hubTable;

  private SqliteStore(Connection connection) {
    this.connection = connection;
    this.timeline = new SqliteTimeline(connection);
    this.topicWriter = new SqliteTopics(connection);
    this.sourceTable = new SqliteSources(connection);
    this.hubTable = new SqliteHubSubscriptions(connection);
  }

  /** Opens (creating and migrating when needed) {@code dataDir/tributary.db}. */
  public static SqliteStore open(Path dataDir) {
    Path file = dataDir.resolve("tributary.db");
    try {
      Files.createDirectories(dataDir);
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("PRAGMA busy_timeout = 5000");
      }
      new Migrations("sqlite", MIGRATIONS).migrate(connection);
      return new SqliteStore(connection);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException(
          "cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StoredArticle put(Article article) {
    String contentHash = ArticleIds.contentHash(article.text());
    try {
      Optional<StoredArticle> existing = findDuplicate(article.id(), contentHash);
      if (existing.isPresent()) return existing.get();
      long seq =
          inTransaction(
              () -> {
                long s = insertArticle(article, contentHash);
                topicWriter.insert(s, article.topics());
                return s;
              });
      return new StoredArticle(article, true, seq);
    } catch (SQLException e) {
      throw new StoreException("cannot store article " + article.id() + ": " + e.getMessage(), e);
    }
  }

  private Optional<StoredArticle> findDuplicate(String id, String contentHash) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            ArticleRows.SELECT + " WHERE a.id = ? OR a.content_hash = ? LIMIT 1")) {
      ps.setString(1, id);
      ps.setString(2, contentHash);
      return timeline.readStored(ps).stream()
          .findFirst()
          .map(s -> new StoredArticle(s.article(), false, s.seq()));
    }
  }

  private long insertArticle(Article a, String contentHash) throws SQLException {
    String sql =
        "INSERT INTO articles (id, content_hash, title, summary, content_html, text, url, source_id,"
            + " source_title, author, published_ms, ingested_ms, tags)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
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
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public Optional<Article> get(String id) {
    try (PreparedStatement ps =
        connection.prepareStatement(ArticleRows.SELECT + " WHERE a.id = ?")) {
      ps.setString(1, id);
      return timeline.readOne(ps);
    } catch (SQLException e) {
      throw new StoreException("cannot read article " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public TimelinePage timeline(TimelineQuery query) {
    try {
      return timeline.page(query);
    } catch (SQLException e) {
      throw new StoreException("cannot read the timeline: " + e.getMessage(), e);
    }
  }

  @Override
  public ReplayBatch storedAfter(ReplayQuery query) {
    try {
      return new ReplayBatch(timeline.storedAfter(query));
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read articles after " + query.afterSeq() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int replaceTopics(TopicUpdates updates) {
    try {
      return inTransaction(() -> topicWriter.replace(updates));
    } catch (SQLException e) {
      throw new StoreException("cannot replace topics: " + e.getMessage(), e);
    }
  }

  @Override
  public int addExamples(TopicExamples examples) {
    try {
      return inTransaction(() -> topicWriter.addExamples(examples));
    } catch (SQLException e) {
      throw new StoreException("cannot store topic examples: " + e.getMessage(), e);
    }
  }

  @Override
  public TopicExamples examples() {
    try {
      return topicWriter.examples();
    } catch (SQLException e) {
      throw new StoreException("cannot read topic examples: " + e.getMessage(), e);
    }
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Override
  public TopicCounts topicCounts() {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT slug, COUNT(*) FROM article_topics GROUP BY slug")) {
      while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
      return new TopicCounts(counts);
    } catch (SQLException e) {
      throw new StoreException("cannot count topics: " + e.getMessage(), e);
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
  public Sources dueSources(DueQuery query) {
    return new Sources(sql("cannot list due sources", () -> sourceTable.due(query)));
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

  private <T> T sql(String what, SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException(what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long count() {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count articles: " + e.getMessage(), e);
    }
  }

  @Override
  public void ping() {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version")) {
      rs.next();
    } catch (SQLException e) {
      throw new StoreException("store unreachable: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store: " + e.getMessage(), e);
    }
  }
}
