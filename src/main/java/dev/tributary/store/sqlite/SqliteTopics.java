package dev.tributary.store.sqlite;

import dev.tributary.article.ArticleTopic;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes of topics and topic examples; callers hold the transaction. */
final class SqliteTopics {
  private final Connection connection;

  SqliteTopics(Connection connection) {
    this.connection = connection;
  }

  static final String INSERT =
      "INSERT INTO article_topics (article_seq, slug, label, score) VALUES (?, ?, ?, ?)";

  void insert(long seq, List<ArticleTopic> topics) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      insert(ps, seq, topics);
    }
  }

  /** Inserts an article's topics through {@code ps}, a statement prepared from {@link #INSERT}. */
  static void insert(PreparedStatement ps, long seq, List<ArticleTopic> topics)
      throws SQLException {
    if (topics.isEmpty()) return;
    for (ArticleTopic t : topics) {
      ps.setLong(1, seq);
      ps.setString(2, t.slug());
      ps.setString(3, t.label());
      ps.setDouble(4, t.score());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  int replace(TopicUpdates updates) throws SQLException {
    int changed = 0;
    for (Map.Entry<String, List<ArticleTopic>> e : updates.byArticleId().entrySet()) {
      Long seq = seqOf(e.getKey());
      if (seq == null) continue;
      if (!current(seq).equals(new HashSet<>(e.getValue()))) changed++;
      try (PreparedStatement ps =
          connection.prepareStatement("DELETE FROM article_topics WHERE article_seq = ?")) {
        ps.setLong(1, seq);
        ps.executeUpdate();
      }
      insert(seq, e.getValue());
    }
    return changed;
  }

  private Long seqOf(String id) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT seq FROM articles WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private Set<ArticleTopic> current(long seq) throws SQLException {
    Set<ArticleTopic> topics = new HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT slug, label, score FROM article_topics WHERE article_seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          topics.add(new ArticleTopic(rs.getString(1), rs.getString(2), rs.getDouble(3)));
      }
    }
    return topics;
  }

  int addExamples(TopicExamples examples) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO topic_examples (slug, title, text, article_id, added_ms) VALUES (?, ?, ?, ?, ?)")) {
      for (TopicExample e : examples.items()) {
        ps.setString(1, e.slug());
        ps.setString(2, e.title());
        ps.setString(3, e.text());
        ps.setString(4, e.articleId());
        ps.setLong(5, System.currentTimeMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (examples.items().isEmpty()) return 0;
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT COUNT(*) FROM topic_examples WHERE slug = ?")) {
      ps.setString(1, examples.items().get(0).slug());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  TopicExamples examples() throws SQLException {
    List<TopicExample> all = new ArrayList<>();
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT slug, title, text, article_id FROM topic_examples ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(
            new TopicExample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return new TopicExamples(all);
  }
}
