package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import dev.tributary.sources.Source;
import dev.tributary.sources.SourceIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reader account's state (docs/ARCHITECTURE.md, "Reader apps") on every store:
 * SqliteReaderStateTest on a temp file, PostgresReaderStateIT on a fresh PostgreSQL database.
 */
public abstract class ReaderStateContract extends StoreUnderTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final SourceRef FEED = new SourceRef("sfeed0000001", "A feed");

  /** Closes the store and opens it again on the same database. */
  protected abstract Store reopen() throws Exception;

  /** Stores an article ingested {@code second} seconds after T0; answers its sequence number. */
  long put(String text, int second, SourceRef source, String... topics) {
    List<ArticleTopic> t = new ArrayList<>();
    for (String slug : topics) t.add(new ArticleTopic(slug, "Label " + slug, 0.5));
    Instant at = T0.plusSeconds(second);
    return store
        .put(
            new Article(
                ArticleIds.forText(text),
                "Title " + text,
                "summary",
                "<p>" + text + "</p>",
                text,
                null,
                source,
                null,
                at,
                at,
                t,
                List.of()))
        .seq();
  }

  static ReaderQuery query(ReaderScope scope, Boolean read, Boolean starred) {
    return new ReaderQuery(scope, read, starred, null, null, false, 0, 100, false);
  }

  List<Long> ids(ReaderQuery q) {
    return store.readerPage(q).items().stream().map(ReaderItem::seq).toList();
  }

  List<Long> unread() {
    return ids(query(ReaderScope.ALL, false, null));
  }

  @Test
  void aNewArticleIsUnreadAndUnstarred() {
    long a = put("first", 1, SourceRef.INBOX);
    long b = put("second", 2, SourceRef.INBOX);
    assertEquals(List.of(b, a), unread(), "newest first");
    ReaderItem item = store.readerPage(query(ReaderScope.ALL, null, null)).items().get(0);
    assertFalse(item.read());
    assertFalse(item.starred());
    assertNull(item.article(), "ids only unless asked");
    assertEquals(T0.plusSeconds(2), item.ingested());
    assertEquals("inbox", item.sourceId());
  }

  @Test
  void markingReadAndUnreadAndStarredChangesOnlyThoseArticles() {
    long a = put("one", 1, SourceRef.INBOX);
    long b = put("two", 2, SourceRef.INBOX);
    long c = put("three", 3, SourceRef.INBOX);
    assertEquals(2, store.changeState(new StateChange(List.of(a, c, 999_999L), true, null)));
    assertEquals(List.of(b), unread());
    assertEquals(List.of(c, a), ids(query(ReaderScope.ALL, true, null)));
    store.changeState(new StateChange(List.of(c), false, true));
    assertEquals(List.of(c, b), unread());
    assertEquals(List.of(c), ids(query(ReaderScope.ALL, null, true)));
    assertEquals(List.of(b, a), ids(query(ReaderScope.ALL, null, false)));
    assertEquals(
        0, store.changeState(new StateChange(List.of(c), false, true)), "already so: no change");
    store.changeState(new StateChange(List.of(c), null, false));
    assertEquals(List.of(), ids(query(ReaderScope.ALL, null, true)));
  }

  @Test
  void theStateSurvivesARestart() throws Exception {
    long a = put("kept", 1, SourceRef.INBOX);
    long b = put("also kept", 2, SourceRef.INBOX);
    store.changeState(new StateChange(List.of(a), true, true));
    store = reopen();
    assertEquals(List.of(b), unread());
    assertEquals(List.of(a), ids(query(ReaderScope.ALL, null, true)));
  }

  @Test
  void markAllAsReadStopsAtItsTimeAndStaysInItsScope() {
    long old = put("old feed item", 1, FEED, "ketamine");
    long inbox = put("inbox item", 2, SourceRef.INBOX, "ketamine");
    long fresh = put("fresh feed item", 10, FEED);
    assertEquals(
        1, store.markAllRead(new MarkAllRead(ReaderScope.source(FEED.id()), T0.plusSeconds(5))));
    assertEquals(List.of(fresh, inbox), unread(), "the later article and the other source stay");
    assertEquals(
        1, store.markAllRead(new MarkAllRead(ReaderScope.topic("ketamine"), T0.plusSeconds(60))));
    assertEquals(List.of(fresh), unread());
    assertEquals(1, store.markAllRead(new MarkAllRead(ReaderScope.ALL, T0.plusSeconds(10))));
    assertEquals(List.of(), unread(), "at the time itself is included");
    assertEquals(
        List.of(fresh, inbox, old), ids(query(ReaderScope.ALL, true, null)), "all read now");
  }

  @Test
  void pagesContinueAfterTheirCursorWithoutSkipsOrRepeatsWhileArticlesArrive() {
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < 7; i++) stored.add(put("paged " + i, i, SourceRef.INBOX));
    ReaderQuery first =
        new ReaderQuery(ReaderScope.ALL, false, null, null, null, false, 0, 3, false);
    ReaderPage p1 = store.readerPage(first);
    assertEquals(List.of(stored.get(6), stored.get(5), stored.get(4)), seqs(p1));
    put("arrives meanwhile", 100, SourceRef.INBOX);
    ReaderPage p2 =
        store.readerPage(
            new ReaderQuery(ReaderScope.ALL, false, null, null, null, false, p1.next(), 3, false));
    ReaderPage p3 =
        store.readerPage(
            new ReaderQuery(ReaderScope.ALL, false, null, null, null, false, p2.next(), 3, false));
    assertEquals(List.of(stored.get(3), stored.get(2), stored.get(1)), seqs(p2));
    assertEquals(List.of(stored.get(0)), seqs(p3));
    assertEquals(0, p3.next(), "the last page says so");
  }

  @Test
  void oldestFirstAndTheIngestedWindowNarrowAStream() {
    long a = put("a", 1, FEED);
    long b = put("b", 5, FEED);
    long c = put("c", 9, FEED);
    ReaderQuery window =
        new ReaderQuery(
            ReaderScope.source(FEED.id()),
            null,
            null,
            T0.plusSeconds(5),
            T0.plusSeconds(9),
            true,
            0,
            10,
            false);
    assertEquals(List.of(b), ids(window), "since is inclusive, until exclusive");
    ReaderQuery ascending =
        new ReaderQuery(ReaderScope.ALL, null, null, null, null, true, a, 10, false);
    assertEquals(List.of(b, c), ids(ascending));
  }

  @Test
  void aTopicStreamHoldsOnlyThatTopicsArticles() {
    long k = put("k", 1, SourceRef.INBOX, "ketamine");
    put("d", 2, SourceRef.INBOX, "depression");
    long both = put("kd", 3, FEED, "ketamine", "depression");
    assertEquals(List.of(both, k), ids(query(ReaderScope.topic("ketamine"), null, null)));
    store.changeState(new StateChange(List.of(both), true, true));
    assertEquals(List.of(k), ids(query(ReaderScope.topic("ketamine"), false, null)));
    assertEquals(List.of(both), ids(query(ReaderScope.topic("ketamine"), null, true)));
  }

  @Test
  void itemsComeWithTheirArticlesInTheOrderAskedAndUnknownOnesLeftOut() {
    long a = put("alpha text", 1, SourceRef.INBOX, "ketamine");
    long b = put("beta text", 2, FEED);
    store.changeState(new StateChange(List.of(a), true, true));
    List<ReaderItem> items = store.readerItems(List.of(b, 424_242L, a, b));
    assertEquals(List.of(b, a), items.stream().map(ReaderItem::seq).toList());
    ReaderItem first = items.get(1);
    assertNotNull(first.article());
    assertEquals("Title alpha text", first.article().title());
    assertEquals("ketamine", first.article().topics().get(0).slug());
    assertTrue(first.read());
    assertTrue(first.starred());
    ReaderPage page =
        store.readerPage(
            new ReaderQuery(ReaderScope.ALL, null, null, null, null, false, 0, 10, true));
    assertEquals("Title beta text", page.items().get(0).article().title());
  }

  @Test
  void unreadCountsGoBySourceAndTopicWithTheNewestTime() {
    put("u1", 1, SourceRef.INBOX, "ketamine");
    long u2 = put("u2", 2, FEED, "ketamine", "depression");
    put("u3", 3, FEED);
    store.changeState(new StateChange(List.of(u2), true, null));
    UnreadCounts counts = store.unreadCounts();
    Map<String, Long> bySource =
        counts.bySource().stream()
            .collect(Collectors.toMap(UnreadCounts.Count::key, UnreadCounts.Count::count));
    assertEquals(Map.of("inbox", 1L, FEED.id(), 1L), bySource);
    assertEquals(List.of("ketamine"), counts.byTopic().stream().map(c -> c.key()).toList());
    assertEquals(2, counts.total().count());
    assertEquals(T0.plusSeconds(3), counts.total().newest());
  }

  @Test
  void theSourcesAreTheSubscribedFeedsAndEverySourceWithArticles() {
    Source feed =
        store.addSource(
            Source.subscribe(
                SourceIds.of("https://example.org/feed.xml"),
                "https://example.org/feed.xml",
                null,
                900,
                T0));
    put("from the inbox", 1, SourceRef.INBOX, "ketamine");
    put("from the api", 2, new SourceRef("api:news", "news"), "depression");
    put("from the feed", 3, new SourceRef(feed.id(), "Example"), "ketamine");
    ReaderSources sources = store.readerSources(true);
    Map<String, ReaderSources.Entry> byId =
        sources.items().stream().collect(Collectors.toMap(ReaderSources.Entry::id, e -> e));
    assertEquals(Set.of("inbox", "api", "api:news", feed.id()), byId.keySet());
    assertEquals("API", byId.get("api").title(), "the API is listed before it has articles");
    assertNull(byId.get("api").newest());
    assertEquals("https://example.org/feed.xml", byId.get(feed.id()).feedUrl());
    assertEquals("news", byId.get("api:news").title());
    assertNull(byId.get("inbox").feedUrl());
    assertEquals(T0.plusSeconds(2), byId.get("api:news").newest());
    assertEquals(Set.of("ketamine"), byId.get(feed.id()).topics());
    assertEquals(Set.of(), store.readerSources(false).items().get(0).topics());
  }

  private static List<Long> seqs(ReaderPage page) {
    return page.items().stream().map(ReaderItem::seq).toList();
  }
}
