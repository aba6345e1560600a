package dev.tributary.store;

import dev.tributary.article.Article;
import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.sources.Sources;
import dev.tributary.websub.HubSubscription;
import java.util.List;
import java.util.Optional;

/**
 * Durable article storage. Implementations are blocking and not thread-safe: the store verticle
 * calls them from its one worker thread.
 */
public interface Store extends AutoCloseable {

  /**
   * Stores each article unless one with the same id or the same normalised text exists — stored
   * before or earlier in the same list — and answers one result per article, in order: the stored
   * article (created, or the existing one for a duplicate), or why that article alone failed. All
   * the list's new articles are written in one transaction and durable when it returns. Throws when
   * the batch as a whole could not be written ({@link StoreFullException} for a full disk): then
   * none of it is stored.
   *
   * <p>Each new article is given its story ({@link dev.tributary.stories.StoryGrouping}, under the
   * store's {@link dev.tributary.stories.StoryRules}): the story of the stored article from another
   * source that it is a copy of — stored before or earlier in the list — else its own. The stored
   * article in the result carries its {@code storyId} and {@code alsoIn}.
   */
  List<PutResult> putBatch(List<PutRequest> requests);

  /** {@link #putBatch} for articles without a sketch: the store makes each on its writer. */
  default List<PutResult> putAll(List<Article> articles) {
    return putBatch(articles.stream().map(PutRequest::of).toList());
  }

  /** {@link #putAll} for one article; throws {@link StoreException} when it failed. */
  default StoredArticle put(Article article) {
    PutResult result = putAll(List.of(article)).get(0);
    if (result.isFailed()) throw new StoreException(result.failure(), null);
    return result.stored();
  }

  /** The article with its topics, its story and the story's other copies. */
  Optional<Article> get(String id);

  /** A page of articles, each with its story's other copies; one per story unless asked for all. */
  TimelinePage timeline(TimelineQuery query);

  /** The page just newer than the one after {@code query.after()} (feed archives' next-archive). */
  NewerPage newerPage(TimelineQuery query);

  TopicCounts topicCounts();

  /** How many articles are stored. */
  long count();

  /** New articles stored after {@code query.afterSeq()}, oldest first. */
  ReplayBatch storedAfter(ReplayQuery query);

  /** A page of the corpus statistics (document frequencies by stem) and the corpus's state. */
  CorpusPage corpusTerms(CorpusQuery query);

  /**
   * Adds counted articles to the corpus statistics and moves the watermark, in one transaction;
   * throws (and changes nothing) when the stored watermark is not {@code delta.fromSeq()}.
   */
  void saveCorpus(CorpusDelta delta);

  /** Sequence numbers of stored articles after {@code query.afterSeq()}; its topics are ignored. */
  StoredSeqs seqsAfter(ReplayQuery query);

  /** Replaces the topics of stored articles; answers how many articles' topics changed. */
  int replaceTopics(TopicUpdates updates);

  /** Stores labelled examples; answers how many examples their topics now have in all. */
  int addExamples(TopicExamples examples);

  TopicExamples examples();

  /** Subscribes a source unless its URL already is; answers the stored source. */
  Source addSource(Source source);

  /** Saves the source's polling state and ends its lease; keeps its {@code polledBy}. */
  void updateSource(Source source);

  /** False when there was no such source. */
  boolean deleteSource(String id);

  Sources sources();

  Optional<Source> source(String id);

  /**
   * Claims the due sources: each answered source is leased to {@code query.claimant()} (its {@code
   * polledBy}) until {@code query.leaseUntil()}, and no other claimant gets it before then,
   * whatever instance asks; the claimant's own leases do not hold it back (a restarted instance of
   * the same name). Atomic: of two claims at once, each source goes to one. {@link #updateSource}
   * ends the lease.
   */
  Sources claimDueSources(DueQuery query);

  /** The source's WebSub subscription, if one was ever requested. */
  Optional<HubSubscription> hubSubscription(String sourceId);

  /** Saves the source's WebSub subscription; false when the source no longer exists. */
  boolean saveHubSubscription(HubSubscription subscription);

  /**
   * A page of a reader stream (docs/ARCHITECTURE.md, "Reader apps"): sequence numbers with each
   * article's read and starred state, and the articles themselves when {@code
   * query.withArticles()}.
   */
  ReaderPage readerPage(ReaderQuery query);

  /** These articles (by sequence number) with their state, in that order; unknown ones left out. */
  List<ReaderItem> readerItems(List<Long> seqs);

  /** Changes the reader state of articles in one transaction; answers the rows changed. */
  int changeState(StateChange change);

  /** Marks read, in one transaction, the scope's unread articles up to a time; answers how many. */
  int markAllRead(MarkAllRead mark);

  UnreadCounts unreadCounts();

  /**
   * The sources the reader account sees (subscribed, or with articles); with each one's topics when
   * {@code withTopics}, which reads the topics of every article.
   */
  ReaderSources readerSources(boolean withTopics);

  /**
   * Forgets every story: each stored article its own story again, and no band buckets. The first
   * step of re-grouping ({@code tributary stories rebuild}); run it with no server writing.
   */
  void clearStories();

  /**
   * Groups up to {@code limit} stored articles after sequence number {@code afterSeq}, in order of
   * arrival, as {@link #putAll} would have grouped them had they arrived after everything grouped
   * before them: each joins the story it is a copy of, and its band buckets are stored. One
   * transaction per call.
   */
  StoriesRegrouped regroupStories(long afterSeq, int limit);

  /** Which of these article ids are stored already. */
  java.util.Set<String> existingIds(java.util.List<String> ids);

  /** The sequence number of the newest stored article; 0 when there is none. */
  long lastSeq();

  /** Throws when the store cannot answer a trivial query. */
  void ping();

  /**
   * Throws {@link StoreFullException} when a write would find no room (the disk is full). Asked
   * only while writes are failing for that reason, to notice that space has returned.
   */
  void checkWritable();

  @Override
  void close();
}
