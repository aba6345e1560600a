package dev.tributary.store.postgres;

import dev.tributary.article.ArticleTopic;
import dev.tributary.store.TopicCounts;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.TopicUpdates;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topics of stored articles and labelled topic examples. Writes run in the caller's transaction.
 */
final class PostgresTopics {
  private PostgresTopics() {}

  static Future<TopicCounts> counts(SqlClient client) {
    return client
        .query("SELECT slug, COUNT(*) FROM article_topics GROUP BY slug")
        .execute()
        .map(
            rows -> {
              Map<String, Integer> counts = new HashMap<>();
              for (Row r : rows) counts.put(r.getString(0), r.getLong(1).intValue());
              return new TopicCounts(counts);
            });
  }

  /** Replaces each listed article's topics; answers how many articles' topics changed. */
  static Future<Integer> replace(SqlConnection tx, TopicUpdates updates) {
    Future<Integer> changed = Future.succeededFuture(0);
    for (Map.Entry<String, List<ArticleTopic>> e : updates.byArticleId().entrySet()) {
      changed = changed.compose(n -> replaceOne(tx, e.getKey(), e.getValue()).map(c -> n + c));
    }
    return changed;
  }

  private static Future<Integer> replaceOne(
      SqlConnection tx, String id, List<ArticleTopic> topics) {
    return tx.preparedQuery(
            "SELECT a.seq, t.slug, t.label, t.score FROM articles a"
                + " LEFT JOIN article_topics t ON t.article_seq = a.seq WHERE a.id = $1")
        .execute(Tuple.of(id))
        .compose(
            rows -> {
              if (rows.size() == 0) return Future.succeededFuture(0);
              long seq = -1;
              Set<ArticleTopic> current = new HashSet<>();
              for (Row r : rows) {
                seq = r.getLong(0);
                if (r.getString(1) != null) {
                  current.add(new ArticleTopic(r.getString(1), r.getString(2), r.getDouble(3)));
                }
              }
              int changed = current.equals(new HashSet<>(topics)) ? 0 : 1;
              long articleSeq = seq;
              return tx.preparedQuery("DELETE FROM article_topics WHERE article_seq = $1")
                  .execute(Tuple.of(articleSeq))
                  .compose(x -> insert(tx, articleSeq, topics))
                  .map(changed);
            });
  }

  private static Future<Void> insert(SqlConnection tx, long seq, List<ArticleTopic> topics) {
    if (topics.isEmpty()) return Future.succeededFuture();
    List<Tuple> rows = new ArrayList<>();
    for (ArticleTopic t : topics) rows.add(Tuple.of(seq, t.slug(), t.label(), t.score()));
    return tx.preparedQuery(
            "INSERT INTO article_topics (article_seq, slug, label, score) VALUES ($1, $2, $3, $4)")
        .executeBatch(rows)
        .mapEmpty();
  }

  /** Stores examples; answers how many examples the first one's topic now has. */
  static Future<Integer> addExamples(SqlConnection tx, TopicExamples examples) {
    if (examples.items().isEmpty()) return Future.succeededFuture(0);
    List<Tuple> rows = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (TopicExample e : examples.items()) {
      rows.add(Tuple.of(e.slug(), e.title(), e.text(), e.articleId(), now));
    }
    return tx.preparedQuery(
            "INSERT INTO topic_examples (slug, title, text, article_id, added_ms)"
                + " VALUES ($1, $2, $3, $4, $5)")
        .executeBatch(rows)
        .compose(
            x ->
                tx.preparedQuery("SELECT COUNT(*) FROM topic_examples WHERE slug = $1")
                    .execute(Tuple.of(examples.items().get(0).slug())))
        .map(rows2 -> rows2.iterator().next().getLong(0).intValue());
  }

  static Future<TopicExamples> examples(SqlClient client) {
    return client
        .query("SELECT slug, title, text, article_id FROM topic_examples ORDER BY id")
        .execute()
        .map(
            rows -> {
              List<TopicExample> all = new ArrayList<>();
              for (Row r : rows) {
                all.add(
                    new TopicExample(
                        r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
              }
              return new TopicExamples(all);
            });
  }
}
