package dev.tributary.store.postgres;

import dev.tributary.article.Article;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.ReaderSql;
import dev.tributary.store.StateChange;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.UnreadCounts;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reader account's state on PostgreSQL: the statements of {@link ReaderSql}. */
final class PostgresReaderState {
  private static final String NEWEST_OF_SOURCE =
      new ReaderSql.Statement(ReaderSql.NEWEST_OF_SOURCE, List.of()).numbered();

  private PostgresReaderState() {}

  static Future<ReaderPage> page(SqlClient client, ReaderQuery query) {
    return states(client, ReaderSql.page(query))
        .compose(
            found -> {
              boolean more = found.size() > query.limit();
              List<ReaderItem> items = more ? found.subList(0, query.limit()) : found;
              long next = more ? items.get(items.size() - 1).seq() : 0;
              Future<List<ReaderItem>> page =
                  query.withArticles()
                      ? withArticles(client, items)
                      : Future.succeededFuture(items);
              return page.map(p -> new ReaderPage(p, next));
            });
  }

  static Future<List<ReaderItem>> items(SqlClient client, List<Long> seqs) {
    Future<Map<Long, ReaderItem>> found = Future.succeededFuture(new HashMap<>());
    for (List<Long> chunk : ReaderSql.chunks(seqs)) {
      found =
          found.compose(
              map ->
                  states(client, ReaderSql.states(chunk))
                      .map(
                          items -> {
                            items.forEach(i -> map.put(i.seq(), i));
                            return map;
                          }));
    }
    return found.compose(
        map -> {
          List<ReaderItem> ordered = new ArrayList<>();
          for (Long seq : new LinkedHashSet<>(seqs)) {
            if (map.containsKey(seq)) ordered.add(map.get(seq));
          }
          return withArticles(client, ordered);
        });
  }

  static Future<Integer> change(SqlClient tx, StateChange change) {
    Future<Integer> changed = Future.succeededFuture(0);
    for (ReaderSql.Statement st : ReaderSql.change(change, System.currentTimeMillis())) {
      changed = changed.compose(n -> update(tx, st).map(c -> n + c));
    }
    return changed;
  }

  static Future<Integer> markAllRead(SqlClient tx, MarkAllRead mark) {
    return update(tx, ReaderSql.markAllRead(mark));
  }

  static Future<UnreadCounts> unreadCounts(SqlClient tx) {
    return counts(tx, ReaderSql.UNREAD_BY_SOURCE)
        .compose(
            bySource ->
                counts(tx, ReaderSql.UNREAD_BY_TOPIC)
                    .map(
                        byTopic -> {
                          long total = 0;
                          Instant newest = null;
                          for (UnreadCounts.Count c : bySource) {
                            total += c.count();
                            if (newest == null || c.newest().isAfter(newest)) newest = c.newest();
                          }
                          return new UnreadCounts(
                              bySource, byTopic, new UnreadCounts.Count(null, total, newest));
                        }));
  }

  static Future<ReaderSources> sources(SqlClient tx, boolean withTopics) {
    Map<String, ReaderSources.Entry> byId = ReaderSources.builtIn();
    Future<Void> done =
        tx.query(ReaderSql.SUBSCRIBED)
            .execute()
            .compose(
                rows -> {
                  for (Row r : rows) {
                    String title = r.getString(1);
                    byId.put(
                        r.getString(0),
                        new ReaderSources.Entry(
                            r.getString(0),
                            title == null ? r.getString(2) : title,
                            r.getString(2),
                            r.getString(3),
                            null,
                            Set.of()));
                  }
                  return tx.query(ReaderSql.SOURCE_IDS).execute();
                })
            .compose(
                ids -> {
                  Future<Void> each = Future.succeededFuture();
                  for (Row r : ids) {
                    String id = r.getString(0);
                    each = each.compose(x -> addNewest(tx, byId, id));
                  }
                  return each;
                });
    if (withTopics) done = done.compose(x -> addTopics(tx, byId));
    return done.map(x -> new ReaderSources(List.copyOf(byId.values())));
  }

  private static Future<Void> addNewest(
      SqlClient tx, Map<String, ReaderSources.Entry> byId, String id) {
    return tx.preparedQuery(NEWEST_OF_SOURCE)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (!rows.iterator().hasNext()) return null;
              Row r = rows.iterator().next();
              Instant newest = Instant.ofEpochMilli(r.getLong(1));
              byId.merge(
                  id,
                  ReaderSources.Entry.ofArticles(id, r.getString(0), newest),
                  (known, fromArticles) -> known.withNewest(newest));
              return null;
            });
  }

  private static Future<Void> addTopics(SqlClient tx, Map<String, ReaderSources.Entry> byId) {
    return tx.query(ReaderSql.SOURCE_TOPICS)
        .execute()
        .map(
            rows -> {
              Map<String, Set<String>> topics = new HashMap<>();
              for (Row r : rows) {
                topics.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
              }
              ReaderSources.addTopics(byId, topics);
              return null;
            });
  }

  private static Future<List<UnreadCounts.Count>> counts(SqlClient client, String sql) {
    return client
        .query(sql)
        .execute()
        .map(
            rows -> {
              List<UnreadCounts.Count> counts = new ArrayList<>();
              for (Row r : rows) {
                counts.add(
                    new UnreadCounts.Count(
                        r.getString(0), r.getLong(1), Instant.ofEpochMilli(r.getLong(2))));
              }
              return counts;
            });
  }

  private static Future<List<ReaderItem>> states(SqlClient client, ReaderSql.Statement st) {
    return client
        .preparedQuery(st.numbered())
        .execute(Tuple.from(new ArrayList<Object>(st.params())))
        .map(
            rows -> {
              List<ReaderItem> items = new ArrayList<>();
              for (Row r : rows) {
                items.add(
                    new ReaderItem(
                        r.getLong(0),
                        null,
                        Instant.ofEpochMilli(r.getLong(1)),
                        r.getString(2),
                        r.getInteger(3) == 1,
                        r.getInteger(4) == 1));
              }
              return items;
            });
  }

  private static Future<List<ReaderItem>> withArticles(SqlClient client, List<ReaderItem> items) {
    if (items.isEmpty()) return Future.succeededFuture(items);
    Long[] seqs = items.stream().map(ReaderItem::seq).toArray(Long[]::new);
    return ArticleRows.read(client, ArticleRows.SELECT + " WHERE a.seq = ANY($1)", Tuple.of(seqs))
        .map(
            stored -> {
              Map<Long, Article> bySeq = new HashMap<>();
              for (StoredArticle s : stored) bySeq.put(s.seq(), s.article());
              List<ReaderItem> full = new ArrayList<>(items.size());
              for (ReaderItem i : items) {
                Article a = bySeq.get(i.seq());
                if (a != null) {
                  full.add(
                      new ReaderItem(
                          i.seq(), a, i.ingested(), i.sourceId(), i.read(), i.starred()));
                }
              }
              return full;
            });
  }

  private static Future<Integer> update(SqlClient client, ReaderSql.Statement st) {
    return client
        .preparedQuery(st.numbered())
        .execute(Tuple.from(new ArrayList<Object>(st.params())))
        .map(rows -> rows.rowCount());
  }
}
