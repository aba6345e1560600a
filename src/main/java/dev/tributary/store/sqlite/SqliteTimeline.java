package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.store.Cursor;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelinePage;
import dev.tributary.store.TimelineQuery;
import dev.tributary.stories.StoryMembers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Timeline reads: keyset paging on (published, seq) descending, with optional topic, source, since
 * and full-text filters, and the topics of each returned article in one more query.
 */
final class SqliteTimeline {
  private static final String TOPICS_OF =
      "SELECT article_seq, slug, label, score FROM article_topics WHERE article_seq IN (%s)"
          + " ORDER BY score DESC, slug";

  /**
   * Topic rows from which a topic counts as large. A page of a topic is read one of two ways: for a
   * large topic, walking the articles newest first (the published index) and keeping those in the
   * topic, which stops after a page's worth — a few hundred index steps for a topic with a tenth of
   * the articles; for a small one, from the topic's own rows, each article read whole and then
   * sorted, which costs one read per article in the topic (at 100,000 stored articles, 0.3-0.6 s
   * for a topic with a third of them, bench/README.md) but is the quick way when the topic has few.
   * At this size both ways cost about the same on a million articles; counting up to it is a short
   * read of the topic index.
   */
  static final int LARGE_TOPIC = 2000;

  private final Connection connection;
  private final int largeTopic;

  SqliteTimeline(Connection connection) {
    this(connection, LARGE_TOPIC);
  }

  SqliteTimeline(Connection connection, int largeTopic) {
    this.connection = connection;
    this.largeTopic = largeTopic;
  }

  TimelinePage page(TimelineQuery query) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(ArticleRows.SELECT).append(" WHERE 1 = 1");
    if (!query.topics().isEmpty()) {
      boolean walkNewestFirst = query.text() == null && isLarge(query.topics());
      sql.append(
              walkNewestFirst
                  ? " AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_seq = a.seq"
                      + " AND t.slug IN ("
                  : " AND a.seq IN (SELECT article_seq FROM article_topics WHERE slug IN (")
          .append(placeholders(query.topics().size()))
          .append("))");
      params.addAll(query.topics());
    }
    if (query.sourceId() != null) {
      sql.append(" AND a.source_id = ?");
      params.add(query.sourceId());
    }
    if (query.firstCopiesOnly()) sql.append(" AND a.story_id = a.id");
    if (query.since() != null) {
      sql.append(" AND a.published_ms >= ?");
      params.add(query.since().toEpochMilli());
    }
    String fullText = query.text() == null ? "" : FullTextQuery.toFts5(query.text());
    if (!fullText.isEmpty()) {
      sql.append(
          " AND a.seq IN (SELECT rowid FROM search.articles_fts WHERE articles_fts MATCH ?)");
      params.add(fullText);
    }
    Cursor after = query.after();
    if (after != null) {
      sql.append(" AND (a.published_ms < ? OR (a.published_ms = ? AND a.seq < ?))");
      params.add(after.publishedMillis());
      params.add(after.publishedMillis());
      params.add(after.seq());
    }
    sql.append(" ORDER BY a.published_ms DESC, a.seq DESC LIMIT ?");
    params.add(query.limit() + 1);

    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      List<Row> rows = readRows(ps);
      boolean more = rows.size() > query.limit();
      List<Row> page = more ? rows.subList(0, query.limit()) : rows;
      Cursor next = null;
      if (more) {
        Row last = page.get(page.size() - 1);
        next = new Cursor(last.publishedMillis, last.seq);
      }
      return new TimelinePage(complete(page), next);
    }
  }

  /** Whether the topics have at least {@link #largeTopic} rows together. */
  private boolean isLarge(List<String> topics) throws SQLException {
    String sql =
        "SELECT count(*) FROM (SELECT 1 FROM article_topics WHERE slug IN ("
            + placeholders(topics.size())
            + ") LIMIT ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < topics.size(); i++) ps.setString(i + 1, topics.get(i));
      ps.setInt(topics.size() + 1, largeTopic);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) >= largeTopic;
      }
    }
  }

  /** Articles inserted after a sequence number, oldest first, optionally in some topics. */
  List<StoredArticle> storedAfter(ReplayQuery query) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(ArticleRows.SELECT).append(" WHERE a.seq > ?");
    params.add(query.afterSeq());
    if (!query.topics().isEmpty()) {
      sql.append(" AND a.seq IN (SELECT article_seq FROM article_topics WHERE slug IN (")
          .append(placeholders(query.topics().size()))
          .append("))");
      params.addAll(query.topics());
    }
    sql.append(" ORDER BY a.seq ASC LIMIT ?");
    params.add(query.limit());
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      return readStored(ps);
    }
  }

  /** The rows of a query over {@code articles}, completed, as stored articles. */
  List<StoredArticle> readStored(PreparedStatement ps) throws SQLException {
    List<Row> rows = readRows(ps);
    List<Article> articles = complete(rows);
    List<StoredArticle> stored = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      stored.add(new StoredArticle(articles.get(i), true, rows.get(i).seq));
    }
    return stored;
  }

  Optional<Article> readOne(PreparedStatement ps) throws SQLException {
    List<Row> rows = readRows(ps);
    return rows.isEmpty() ? Optional.empty() : Optional.of(complete(rows).get(0));
  }

  private record Row(long seq, long publishedMillis, Article article) {}

  private List<Row> readRows(PreparedStatement ps) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                ArticleRows.seq(rs),
                ArticleRows.publishedMillis(rs),
                ArticleRows.read(rs, List.of())));
      }
    }
    return rows;
  }

  /** The rows' articles with their topics and their stories' other copies. */
  private List<Article> complete(List<Row> rows) throws SQLException {
    List<Article> articles = withTopics(rows);
    List<String> stories = StoryMembers.storyIds(articles);
    return StoryMembers.attach(articles, SqliteStories.members(connection, stories));
  }

  private List<Article> withTopics(List<Row> rows) throws SQLException {
    if (rows.isEmpty()) return List.of();
    Map<Long, List<ArticleTopic>> topics = new HashMap<>();
    String in = rows.stream().map(r -> Long.toString(r.seq)).collect(Collectors.joining(","));
    try (PreparedStatement ps = connection.prepareStatement(String.format(TOPICS_OF, in));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        topics
            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new ArticleTopic(rs.getString(2), rs.getString(3), rs.getDouble(4)));
      }
    }
    Map<Long, Article> bySeq = new LinkedHashMap<>();
    for (Row r : rows) {
      bySeq.put(r.seq, r.article.withTopics(topics.getOrDefault(r.seq, Collections.emptyList())));
    }
    return List.copyOf(bySeq.values());
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
