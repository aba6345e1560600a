package dev.tributary.store.sqlite;

import dev.tributary.article.Article;
import dev.tributary.store.MarkAllRead;
import dev.tributary.store.NewerPage;
import dev.tributary.store.ReaderItem;
import dev.tributary.store.ReaderPage;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderSources;
import dev.tributary.store.ReaderSql;
import dev.tributary.store.StateChange;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.UnreadCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reader account's state on SQLite: the statements of {@link ReaderSql}, run over JDBC. */
final class SqliteReaderState {
  private final Connection connection;
  private final SqliteTimeline articles;

  SqliteReaderState(Connection connection, SqliteTimeline articles) {
    this.connection = connection;
    this.articles = articles;
  }

  ReaderPage page(ReaderQuery query) throws SQLException {
    List<ReaderItem> items = states(ReaderSql.page(query));
    boolean more = items.size() > query.limit();
    if (more) items = items.subList(0, query.limit());
    if (query.withArticles()) items = withArticles(items);
    return new ReaderPage(items, more ? items.get(items.size() - 1).seq() : 0);
  }

  List<ReaderItem> items(List<Long> seqs) throws SQLException {
    Map<Long, ReaderItem> found = new HashMap<>();
    for (List<Long> chunk : ReaderSql.chunks(seqs)) {
      for (ReaderItem item : states(ReaderSql.states(chunk))) found.put(item.seq(), item);
    }
    List<ReaderItem> ordered = new ArrayList<>();
    for (Long seq : new java.util.LinkedHashSet<>(seqs)) {
      ReaderItem item = found.get(seq);
      if (item != null) ordered.add(item);
    }
    return withArticles(ordered);
  }

  int change(StateChange change) throws SQLException {
    int changed = 0;
    for (ReaderSql.Statement st : ReaderSql.change(change, System.currentTimeMillis())) {
      changed += update(st);
    }
    return changed;
  }

  int markAllRead(MarkAllRead mark) throws SQLException {
    return update(ReaderSql.markAllRead(mark));
  }

  UnreadCounts unreadCounts() throws SQLException {
    List<UnreadCounts.Count> bySource = counts(ReaderSql.UNREAD_BY_SOURCE);
    List<UnreadCounts.Count> byTopic = counts(ReaderSql.UNREAD_BY_TOPIC);
    long total = 0;
    Instant newest = null;
    for (UnreadCounts.Count c : bySource) {
      total += c.count();
      if (newest == null || c.newest().isAfter(newest)) newest = c.newest();
    }
    return new UnreadCounts(bySource, byTopic, new UnreadCounts.Count(null, total, newest));
  }

  ReaderSources sources(boolean withTopics) throws SQLException {
    Map<String, ReaderSources.Entry> byId = ReaderSources.builtIn();
    try (PreparedStatement ps = connection.prepareStatement(ReaderSql.SUBSCRIBED);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        String title = rs.getString(2);
        byId.put(
            id,
            new ReaderSources.Entry(
                id,
                title == null ? rs.getString(3) : title,
                rs.getString(3),
                rs.getString(4),
                null,
                Set.of()));
      }
    }
    List<String> withArticles = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(ReaderSql.SOURCE_IDS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) withArticles.add(rs.getString(1));
    }
    try (PreparedStatement ps = connection.prepareStatement(ReaderSql.NEWEST_OF_SOURCE)) {
      for (String id : withArticles) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) continue;
          Instant newest = Instant.ofEpochMilli(rs.getLong(2));
          byId.merge(
              id,
              ReaderSources.Entry.ofArticles(id, rs.getString(1), newest),
              (known, fromArticles) -> known.withNewest(newest));
        }
      }
    }
    if (withTopics) addTopics(byId);
    return new ReaderSources(List.copyOf(byId.values()));
  }

  private void addTopics(Map<String, ReaderSources.Entry> byId) throws SQLException {
    Map<String, Set<String>> topics = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(ReaderSql.SOURCE_TOPICS_SQLITE);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        topics.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
      }
    }
    ReaderSources.addTopics(byId, topics);
  }

  private List<UnreadCounts.Count> counts(String sql) throws SQLException {
    List<UnreadCounts.Count> counts = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.add(
            new UnreadCounts.Count(
                rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
      }
    }
    return counts;
  }

  private List<ReaderItem> states(ReaderSql.Statement st) throws SQLException {
    List<ReaderItem> items = new ArrayList<>();
    try (PreparedStatement ps = prepare(st);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        items.add(
            new ReaderItem(
                rs.getLong(1),
                null,
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                rs.getInt(4) == 1,
                rs.getInt(5) == 1));
      }
    }
    return items;
  }

  /** The items with their articles (with topics), read in one query per chunk. */
  private List<ReaderItem> withArticles(List<ReaderItem> items) throws SQLException {
    if (items.isEmpty()) return items;
    Map<Long, Article> bySeq = new LinkedHashMap<>();
    for (List<Long> chunk : ReaderSql.chunks(items.stream().map(ReaderItem::seq).toList())) {
      String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          connection.prepareStatement(ArticleRows.SELECT + " WHERE a.seq IN (" + in + ")")) {
        for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
        for (StoredArticle s : articles.readStored(ps)) bySeq.put(s.seq(), s.article());
      }
    }
    List<ReaderItem> full = new ArrayList<>(items.size());
    for (ReaderItem item : items) {
      Article a = bySeq.get(item.seq());
      if (a == null) continue;
      full.add(
          new ReaderItem(
              item.seq(), a, item.ingested(), item.sourceId(), item.read(), item.starred()));
    }
    return full;
  }

  NewerPage newerPage(TimelineQuery query) throws SQLException {
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(NewerPage.sql(query));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
    }
    return NewerPage.of(rows, query.limit());
  }

  private int update(ReaderSql.Statement st) throws SQLException {
    try (PreparedStatement ps = prepare(st)) {
      return ps.executeUpdate();
    }
  }

  private PreparedStatement prepare(ReaderSql.Statement st) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(st.sql());
    try {
      for (int i = 0; i < st.params().size(); i++) ps.setObject(i + 1, st.params().get(i));
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
