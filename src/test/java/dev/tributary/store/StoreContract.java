package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.SourceRef;
import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.websub.HubSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} does, whatever its database: each store's test class extends this one
 * and runs these same tests (SqliteStoreTest on a temp file, PostgresStoreIT on a fresh PostgreSQL
 * database). Tests of one store's own machinery stay in that store's classes.
 */
public abstract class StoreContract extends StoreUnderTest {

  /** Closes the store and opens it again on the same database. */
  protected abstract Store reopen() throws Exception;

  /**
   * Makes the database itself refuse (a trigger raising an error) every article whose title
   * contains {@code word}: one bad article among good ones, through the real insert.
   */
  protected abstract void refuseTitlesContaining(String word) throws Exception;

  /** An article of this text, published that many seconds after 2023-11-14, in these topics. */
  public static Article article(String text, long publishedSecond, String... topics) {
    List<ArticleTopic> t = new ArrayList<>();
    for (String slug : topics) t.add(new ArticleTopic(slug, slug.toUpperCase(), 0.5));
    Instant published = Instant.ofEpochSecond(1_700_000_000L + publishedSecond);
    return new Article(
        ArticleIds.forText(text),
        "Title " + text,
        "summary",
        "<p>" + text + "</p>",
        text,
        null,
        SourceRef.INBOX,
        null,
        published,
        published,
        t,
        List.of("tag"));
  }

  @Test
  void storesAnArticleAndReadsItBackWithTopicsAndTags() {
    Article a = article("ketamine helps depression", 1, "ketamine", "depression");
    assertTrue(store.put(a).created());
    Article read = store.get(a.id()).orElseThrow();
    assertEquals(a.title(), read.title());
    assertEquals(
        Set.of("ketamine", "depression"),
        Set.copyOf(read.topics().stream().map(ArticleTopic::slug).toList()));
    assertEquals(List.of("tag"), read.tags());
    assertEquals(a.published(), read.published());
  }

  @Test
  void articlesStoredInTheSameMillisecondGetDistinctIncreasingStoredTimes() {
    Instant at = Instant.parse("2026-03-01T10:00:00.250Z");
    List<Article> burst = new ArrayList<>();
    for (int i = 0; i < 3; i++) burst.add(article("burst " + i, 1).withIngested(at));
    List<PutResult> first = store.putAll(burst);
    StoredArticle late = store.put(article("late in the same ms", 2).withIngested(at));
    StoredArticle later = store.put(article("an hour later", 3).withIngested(at.plusSeconds(3600)));
    List<Instant> times = new ArrayList<>();
    first.forEach(r -> times.add(r.stored().article().ingested()));
    times.add(late.article().ingested());
    assertEquals(
        List.of(at, at.plusMillis(1), at.plusMillis(2), at.plusMillis(3)),
        times,
        "each a millisecond after the one before, in store order");
    assertEquals(at.plusSeconds(3600), later.article().ingested(), "a later time is kept as is");
    assertEquals(at.plusMillis(3), store.get(late.article().id()).orElseThrow().ingested());
  }

  @Test
  void theNewerPageOfAFeedPageIsTheOneEndingAtItsCursor() {
    List<StoredArticle> stored = new ArrayList<>();
    for (int i = 1; i <= 7; i++) stored.add(store.put(article("paging article " + i, i)));
    // pages of 3, newest first: {7,6,5} {4,3,2} {1}; a page's cursor is the last of the one above
    Cursor afterFive = cursorOf(stored.get(4));
    Cursor afterTwo = cursorOf(stored.get(1));
    TimelineQuery third = new TimelineQuery(List.of(), null, null, null, 3, afterTwo);
    assertEquals(new NewerPage(afterFive), store.newerPage(third), "{1}: above it {4,3,2}");
    TimelineQuery second = new TimelineQuery(List.of(), null, null, null, 3, afterFive);
    assertEquals(new NewerPage(null), store.newerPage(second), "{4,3,2}: above it the newest");
  }

  private static Cursor cursorOf(StoredArticle s) {
    return new Cursor(s.article().published().toEpochMilli(), s.seq());
  }

  @Test
  void theSameTextTwiceIsOneArticle() {
    Article a = article("one text", 1);
    Article sameTextOtherId =
        new Article(
            "other-id",
            "Other title",
            "s",
            "<p/>",
            "One   TEXT!",
            null,
            SourceRef.API,
            null,
            a.published(),
            a.ingested(),
            List.of(),
            List.of());
    assertTrue(store.put(a).created());
    StoredArticle again = store.put(a);
    assertFalse(again.created());
    StoredArticle sameText = store.put(sameTextOtherId);
    assertFalse(sameText.created());
    assertEquals(a.id(), sameText.article().id());
  }

  @Test
  void aBatchHoldingTheSameIdOrTextTwiceStoresItOnceAndAnswersTheSecondAsItsDuplicate() {
    Article a = article("batch text", 1);
    Article sameText = withId(article("Batch   TEXT", 2), "other-id");
    Article b = article("another text", 3);
    List<PutResult> results = store.putAll(List.of(a, a, sameText, b));

    assertEquals(4, results.size());
    StoredArticle first = results.get(0).stored();
    assertTrue(first.created());
    for (PutResult dup : results.subList(1, 3)) {
      assertFalse(dup.stored().created());
      assertEquals(a.id(), dup.stored().article().id());
      assertEquals(first.seq(), dup.stored().seq());
    }
    assertTrue(results.get(3).stored().created());
    assertEquals(2, store.count());
  }

  @Test
  void aBatchAnswersTheDuplicateOfAnArticleStoredInAnEarlierBatch() {
    StoredArticle earlier = store.put(article("stored first", 1));
    PutResult again = store.putAll(List.of(article("stored first", 2))).get(0);
    assertFalse(again.stored().created());
    assertEquals(earlier.seq(), again.stored().seq());
  }

  @Test
  void oneArticleThatTheDatabaseRefusesFailsAloneAndItsBatchMatesAreStored() throws Exception {
    refuseTitlesContaining("poison");
    Article good = article("good before", 1, "ketamine");
    Article bad = article("poison pill", 2, "ketamine");
    Article after = article("good after", 3, "ketamine");
    List<PutResult> results = store.putAll(List.of(good, bad, after));

    assertTrue(results.get(0).stored().created());
    assertTrue(results.get(1).isFailed());
    assertTrue(results.get(1).failure().contains("refused by the test"), results.get(1).failure());
    assertTrue(results.get(2).stored().created());
    assertEquals(2, store.count());
    assertTrue(store.get(bad.id()).isEmpty());
    assertEquals(Map.of("ketamine", 2), store.topicCounts().bySlug());
  }

  @Test
  void aBatchGoesOnStoringAndDedupingAfterOneOfItsArticlesWasRefused() throws Exception {
    refuseTitlesContaining("poison");
    Article good = article("good first", 1, "ketamine");
    Article bad = article("poison again", 2, "ketamine");
    Article after = article("good last", 3, "ketamine", "depression");
    List<PutResult> results = store.putAll(List.of(good, bad, good, bad, after, after));

    assertTrue(results.get(0).stored().created());
    assertTrue(results.get(1).isFailed());
    assertFalse(results.get(2).stored().created());
    assertEquals(results.get(0).stored().seq(), results.get(2).stored().seq());
    assertTrue(results.get(3).isFailed());
    assertTrue(results.get(4).stored().created());
    assertFalse(results.get(5).stored().created());
    assertEquals(
        Set.of("ketamine", "depression"),
        Set.copyOf(
            results.get(5).stored().article().topics().stream().map(ArticleTopic::slug).toList()));
    assertEquals(2, store.count());
    assertEquals(Map.of("ketamine", 2, "depression", 1), store.topicCounts().bySlug());
  }

  static Article withId(Article a, String id) {
    return new Article(
        id,
        a.title(),
        a.summary(),
        a.contentHtml(),
        a.text(),
        a.url(),
        a.source(),
        a.author(),
        a.published(),
        a.ingested(),
        a.topics(),
        a.tags());
  }

  @Test
  void articlesSurviveReopeningTheStore() throws Exception {
    Article a = article("durable", 1);
    store.put(a);
    store = reopen();
    assertEquals(a.id(), store.get(a.id()).orElseThrow().id());
  }

  @Test
  void pagingNeverSkipsOrRepeatsWhileArticlesArrive() {
    Set<String> old = new HashSet<>();
    for (int i = 0; i < 25; i++) old.add(store.put(article("old " + i, i)).article().id());
    List<String> seen = new ArrayList<>();
    Set<String> arrived = new HashSet<>();
    Cursor cursor = null;
    do {
      TimelinePage page = store.timeline(new TimelineQuery(List.of(), null, null, null, 4, cursor));
      page.items().forEach(a -> seen.add(a.id()));
      cursor = page.next();
      // newer than all, so it sorts above the cursor: the pages being read never show it
      Article newer = article("arrived while paging " + arrived.size(), 1000 + arrived.size());
      arrived.add(store.put(newer).article().id());
    } while (cursor != null);
    assertEquals(25, seen.size(), "each old article once: " + seen);
    assertEquals(old, new HashSet<>(seen));
    assertTrue(Collections.disjoint(seen, arrived), "no article that arrived while paging");
  }

  @Test
  void filtersByTopicSourceSinceAndText() {
    store.put(article("ketamine infusion for depression", 10, "ketamine"));
    store.put(article("weather report sunny", 20));
    store.put(article("ketamine nasal spray", 30, "ketamine", "nasal-spray"));
    assertEquals(2, store.timeline(TimelineQuery.newestInTopic("ketamine", 10)).items().size());
    assertEquals(
        1,
        store
            .timeline(new TimelineQuery(List.of("nasal-spray"), null, null, null, 10, null))
            .items()
            .size());
    assertEquals(
        2,
        store
            .timeline(
                new TimelineQuery(
                    List.of(), null, Instant.ofEpochSecond(1_700_000_020L), null, 10, null))
            .items()
            .size());
    assertEquals(
        1,
        store
            .timeline(new TimelineQuery(List.of(), null, null, "infusions", 10, null))
            .items()
            .size());
    assertEquals(
        3,
        store.timeline(new TimelineQuery(List.of(), "inbox", null, null, 10, null)).items().size());
    assertEquals(
        0,
        store
            .timeline(new TimelineQuery(List.of(), "elsewhere", null, null, 10, null))
            .items()
            .size());
  }

  @Test
  void searchTextThatLooksLikeFtsSyntaxIsJustText() {
    store.put(article("ketamine \"quoted\" AND text", 1));
    assertEquals(
        1,
        store
            .timeline(new TimelineQuery(List.of(), null, null, "\"quoted AND (", 10, null))
            .items()
            .size());
    assertEquals(
        1,
        store
            .timeline(new TimelineQuery(List.of(), null, null, "*** ))", 10, null))
            .items()
            .size());
  }

  @Test
  void countsArticlesPerTopic() {
    store.put(article("a", 1, "ketamine"));
    store.put(article("b", 2, "ketamine", "anxiety"));
    TopicCounts counts = store.topicCounts();
    assertEquals(2, counts.of("ketamine"));
    assertEquals(1, counts.of("anxiety"));
    assertEquals(0, counts.of("ocd"));
  }

  @Test
  void lastPageHasNoCursor() {
    store.put(article("only", 1));
    assertNull(store.timeline(TimelineQuery.newest(10)).next());
  }

  static CorpusDelta delta(long from, long through, int documents, Object... stemHashDf) {
    List<CorpusDelta.Term> terms = new ArrayList<>();
    for (int i = 0; i < stemHashDf.length; i += 3) {
      terms.add(
          new CorpusDelta.Term(
              (String) stemHashDf[i], (Long) stemHashDf[i + 1], (Integer) stemHashDf[i + 2]));
    }
    return new CorpusDelta(from, through, documents, terms);
  }

  @Test
  void corpusCountsAreSavedWithTheirWatermarkAndNeverFromAStaleOne() {
    store.saveCorpus(delta(0, 4, 3, "clinic", 7L, 3, "ketamin", -2L, 1));
    store.saveCorpus(delta(4, 6, 2, "clinic", 7L, 1, "spray", 9L, 2));
    org.junit.jupiter.api.Assertions.assertThrows(
        StoreException.class,
        () -> store.saveCorpus(delta(4, 9, 5, "clinic", 7L, 5)),
        "counts from watermark 4 are saved already");

    CorpusPage first = store.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 2));
    assertEquals(5, first.documents());
    assertEquals(6, first.countedThrough());
    assertEquals(List.of(-2L, 7L), java.util.Arrays.stream(first.hashes()).boxed().toList());
    assertEquals(List.of(1, 4), java.util.Arrays.stream(first.frequencies()).boxed().toList());
    CorpusPage rest = store.corpusTerms(new CorpusQuery(7L, 2));
    assertEquals(1, rest.size());
    assertEquals(9L, rest.hashes()[0]);
    assertEquals(2, rest.frequencies()[0]);
  }

  @Test
  void storedSequenceNumbersAreListedAfterAWatermark() {
    long first = store.put(article("One text about clinics.", 1)).seq();
    long second = store.put(article("Another text about sprays.", 2)).seq();
    assertEquals(List.of(first, second), store.seqsAfter(new ReplayQuery(0, List.of(), 10)).seqs());
    assertEquals(List.of(second), store.seqsAfter(new ReplayQuery(first, List.of(), 10)).seqs());
  }

  @Test
  void replaysArticlesStoredAfterASequenceNumberOldestFirstAndByTopic() {
    long first = store.put(article("replay one", 1, "ketamine")).seq();
    long second = store.put(article("replay two", 2)).seq();
    long third = store.put(article("replay three", 3, "ketamine")).seq();
    assertEquals(third, store.lastSeq());
    assertEquals(
        List.of(second, third),
        store.storedAfter(new ReplayQuery(first, List.of(), 10)).items().stream()
            .map(StoredArticle::seq)
            .toList());
    List<StoredArticle> inTopic =
        store.storedAfter(new ReplayQuery(0, List.of("ketamine"), 10)).items();
    assertEquals(List.of(first, third), inTopic.stream().map(StoredArticle::seq).toList());
    assertEquals("ketamine", inTopic.get(1).article().topics().get(0).slug());
  }

  @Test
  void anEmptyStoreHasNoArticlesAndLastSeqZero() {
    assertEquals(0, store.count());
    assertEquals(0, store.lastSeq());
    assertTrue(store.get("nothing").isEmpty());
    store.ping();
  }

  @Test
  void knowsWhichOfSomeIdsAreStored() {
    Article a = article("known text", 1);
    store.put(a);
    assertEquals(Set.of(a.id()), store.existingIds(List.of(a.id(), "unknown-id")));
    assertEquals(Set.of(), store.existingIds(List.of()));
  }

  @Test
  void replacesTopicsAndCountsOnlyTheArticlesWhoseTopicsChanged() {
    Article a = article("retag me", 1, "ketamine");
    Article b = article("leave me", 2, "anxiety");
    store.put(a);
    store.put(b);
    int changed =
        store.replaceTopics(
            new TopicUpdates(
                Map.of(
                    a.id(),
                    List.of(new ArticleTopic("depression", "DEPRESSION", 0.7)),
                    b.id(),
                    List.of(new ArticleTopic("anxiety", "ANXIETY", 0.5)),
                    "not-stored",
                    List.of())));
    assertEquals(1, changed);
    assertEquals(
        List.of("depression"),
        store.get(a.id()).orElseThrow().topics().stream().map(ArticleTopic::slug).toList());
    assertEquals(Map.of("depression", 1, "anxiety", 1), store.topicCounts().bySlug());
  }

  @Test
  void keepsTopicExamplesInTheOrderAdded() {
    assertEquals(
        2,
        store.addExamples(
            new TopicExamples(
                List.of(
                    new TopicExample("ketamine", "t1", "text one", null),
                    new TopicExample("ketamine", "t2", "text two", "article-1")))));
    assertEquals(
        3,
        store.addExamples(
            new TopicExamples(List.of(new TopicExample("ketamine", "t3", "text three", null)))));
    List<TopicExample> all = store.examples().items();
    assertEquals(List.of("t1", "t2", "t3"), all.stream().map(TopicExample::title).toList());
    assertEquals("article-1", all.get(1).articleId());
  }

  static Source source(String id, String url, Instant nextPoll) {
    return Source.subscribe(id, url, "Feed " + id, 900, Instant.ofEpochSecond(1_700_000_000L))
        .withNextPoll(nextPoll);
  }

  @Test
  void subscribesEachUrlOnceAndKeepsItsPollingState() {
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L);
    Source s = source("s1", "https://clinic.example/feed.xml", t0);
    assertEquals(s, store.addSource(s));
    assertEquals(s, store.addSource(source("s1-again", s.url(), t0.plusSeconds(5))));
    Source polled =
        new Source(
            s.id(),
            s.url(),
            "Clinic",
            "https://clinic.example/",
            600,
            "\"etag\"",
            "Tue, 01 Oct 2024 10:00:00 GMT",
            Source.ERROR,
            t0.plusSeconds(1),
            null,
            503,
            2,
            "server error",
            t0.plusSeconds(700),
            "https://hub.example/",
            s.created(),
            null);
    store.updateSource(polled);
    assertEquals(Optional.of(polled), store.source(s.id()));
    assertEquals(List.of(polled), store.sources().items());
    assertTrue(store.deleteSource(s.id()));
    assertFalse(store.deleteSource(s.id()));
    assertTrue(store.sources().items().isEmpty());
  }

  @Test
  void claimsDueSourcesSoonestFirstUpToTheLimit() {
    // who may claim what is SourceClaimsContract's; here, which due sources come first
    Instant now = Instant.ofEpochSecond(1_700_001_000L);
    store.addSource(source("late", "https://a.example/late", now.minusSeconds(10)));
    store.addSource(source("early", "https://a.example/early", now.minusSeconds(100)));
    store.addSource(source("future", "https://a.example/future", now.plusSeconds(10)));
    assertEquals(
        List.of("early"),
        store
            .claimDueSources(new DueQuery(now, List.of(), 1, "a", now.plusSeconds(90)))
            .items()
            .stream()
            .map(Source::id)
            .toList());
    assertEquals(
        List.of("early", "late"),
        store
            .claimDueSources(new DueQuery(now, List.of(), 10, "a", now.plusSeconds(90)))
            .items()
            .stream()
            .map(Source::id)
            .toList());
  }

  @Test
  void savesAHubSubscriptionOnlyForAnExistingSourceAndReplacesIt() {
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L);
    HubSubscription requested =
        HubSubscription.request(
            "s1", "https://hub.example/", "https://clinic.example/feed.xml", "secret", "token", t0);
    assertFalse(store.saveHubSubscription(requested), "no such source yet");
    store.addSource(source("s1", "https://clinic.example/feed.xml", t0));
    assertTrue(store.saveHubSubscription(requested));
    assertEquals(Optional.of(requested), store.hubSubscription("s1"));
    HubSubscription active =
        new HubSubscription(
            "s1",
            "https://hub.example/",
            requested.topic(),
            "secret",
            "token",
            HubSubscription.ACTIVE,
            t0,
            3600,
            t0.plusSeconds(3600),
            null);
    assertTrue(store.saveHubSubscription(active));
    assertEquals(Optional.of(active), store.hubSubscription("s1"));
    store.deleteSource("s1");
    assertTrue(store.hubSubscription("s1").isEmpty(), "gone with its source");
  }
}
