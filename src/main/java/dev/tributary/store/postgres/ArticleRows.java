package dev.tributary.store.postgres;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import dev.tributary.store.StoredArticle;
import dev.tributary.stories.StoryMembers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps rows of {@code articles} to {@link Article}s, with their topics read in one more query; the
 * one place that knows the table's columns.
 */
final class ArticleRows {
  static final String SELECT =
      "SELECT a.seq, a.id, a.title, a.summary, a.content_html, a.text, a.url, a.source_id,"
          + " a.source_title, a.author, a.published_ms, a.ingested_ms, a.tags, a.story_id FROM articles a";

  private static final String TOPICS_OF =
      "SELECT article_seq, slug, label, score FROM article_topics WHERE article_seq = ANY($1)"
          + " ORDER BY score DESC, slug";

  private ArticleRows() {}

  /**
   * The articles a query over {@link #SELECT} answers, in its order, each with its topics and its
   * story's other copies.
   */
  static Future<List<StoredArticle>> read(SqlClient client, String sql, Tuple params) {
    return client
        .preparedQuery(sql)
        .execute(params)
        .compose(
            rows -> {
              List<Row> all = new ArrayList<>();
              rows.forEach(all::add);
              return withTopics(client, all);
            })
        .compose(stored -> withCopies(client, stored));
  }

  private static Future<List<StoredArticle>> withCopies(
      SqlClient client, List<StoredArticle> stored) {
    if (stored.isEmpty()) return Future.succeededFuture(stored);
    List<Article> articles = stored.stream().map(StoredArticle::article).toList();
    return PostgresStories.members(client, StoryMembers.storyIds(articles))
        .map(
            members -> {
              List<Article> completed = StoryMembers.attach(articles, members);
              List<StoredArticle> result = new ArrayList<>(stored.size());
              for (int i = 0; i < stored.size(); i++) {
                StoredArticle s = stored.get(i);
                result.add(new StoredArticle(completed.get(i), s.created(), s.seq()));
              }
              return result;
            });
  }

  private static Future<List<StoredArticle>> withTopics(SqlClient client, List<Row> rows) {
    if (rows.isEmpty()) return Future.succeededFuture(List.of());
    Long[] seqs = rows.stream().map(r -> r.getLong("seq")).toArray(Long[]::new);
    return client
        .preparedQuery(TOPICS_OF)
        .execute(Tuple.of(seqs))
        .map(
            topicRows -> {
              Map<Long, List<ArticleTopic>> topics = new HashMap<>();
              for (Row t : topicRows) {
                topics
                    .computeIfAbsent(t.getLong(0), k -> new ArrayList<>())
                    .add(new ArticleTopic(t.getString(1), t.getString(2), t.getDouble(3)));
              }
              List<StoredArticle> stored = new ArrayList<>(rows.size());
              for (Row r : rows) {
                long seq = r.getLong("seq");
                stored.add(
                    new StoredArticle(article(r, topics.getOrDefault(seq, List.of())), true, seq));
              }
              return stored;
            });
  }

  private static Article article(Row r, List<ArticleTopic> topics) {
    return new Article(
        r.getString("id"),
        r.getString("title"),
        r.getString("summary"),
        r.getString("content_html"),
        r.getString("text"),
        r.getString("url"),
        new SourceRef(r.getString("source_id"), r.getString("source_title")),
        r.getString("author"),
        Instant.ofEpochMilli(r.getLong("published_ms")),
        Instant.ofEpochMilli(r.getLong("ingested_ms")),
        topics,
        new JsonArray(r.getString("tags")).stream().map(String::valueOf).toList(),
        r.getString("story_id"),
        List.of());
  }

  static String tagsJson(List<String> tags) {
    return new JsonArray(tags).encode();
  }
}
