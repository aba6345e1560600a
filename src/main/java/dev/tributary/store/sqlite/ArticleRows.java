package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import io.vertx.core.json.JsonArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps rows of {@code articles} to {@link Article}s; the one place that knows its columns. */
final class ArticleRows {
  static final String SELECT =
      "SELECT a.seq, a.id, a.title, a.summary, a.content_html, a.text, a.url, a.source_id,"
          + " a.source_title, a.author, a.published_ms, a.ingested_ms, a.tags, a.story_id FROM articles a";

  private ArticleRows() {}

  static long seq(ResultSet rs) throws SQLException {
    return rs.getLong("seq");
  }

  static long publishedMillis(ResultSet rs) throws SQLException {
    return rs.getLong("published_ms");
  }

  static Article read(ResultSet rs, List<ArticleTopic> topics) throws SQLException {
    return new Article(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("summary"),
        rs.getString("content_html"),
        rs.getString("text"),
        rs.getString("url"),
        new SourceRef(rs.getString("source_id"), rs.getString("source_title")),
        rs.getString("author"),
        Instant.ofEpochMilli(rs.getLong("published_ms")),
        Instant.ofEpochMilli(rs.getLong("ingested_ms")),
        topics,
        tags(rs.getString("tags")),
        rs.getString("story_id"),
        List.of());
  }

  static String tagsJson(List<String> tags) {
    return new JsonArray(tags).encode();
  }

  private static List<String> tags(String json) {
    return new JsonArray(json).stream().map(String::valueOf).toList();
  }
}
