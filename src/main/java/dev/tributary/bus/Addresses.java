package dev.tributary.bus;

/**
 * Every event-bus address Tributary uses, in one place. docs/ARCHITECTURE.md lists each with its
 * message and reply.
 */
public final class Addresses {
  private Addresses() {}

  /**
   * Request {@code RawDocument} → reply {@code StoredArticle}. Handled by the pipeline workers
   * (extract and tag), one consumer per worker. Internal: every input sends here through its gate.
   */
  public static final String PIPELINE = "tributary.pipeline";

  /**
   * The public ingest address, for other services (on the cluster, or through the TCP bridge):
   * request {@code JsonObject} {@code {"title"?, "text" | "html" | "markdown", "url"?, "source"?,
   * "published"?}} → reply {@code JsonObject}, the stored article as the API shows it, with the
   * header {@code created} ({@code true}, or {@code false} for one already stored); or a failure
   * whose code is an HTTP status (400 bad input, 422 nothing to extract, 503 saturated, 500).
   */
  public static final String PUBLIC_INGEST = "tributary.ingest";

  /** Request {@code Article} (tagged) → reply {@code StoredArticle}. Handled by the store. */
  public static final String STORE_PUT = "tributary.store.put";

  /** Request article id ({@code String}) → reply {@code Article}, or failure 404. */
  public static final String STORE_GET = "tributary.store.get";

  /** Request {@code TimelineQuery} → reply {@code TimelinePage}. */
  public static final String STORE_TIMELINE = "tributary.store.timeline";

  /**
   * Request {@code TimelineQuery} (with a cursor) → reply {@code NewerPage}: the feed page just
   * newer than the one after the cursor.
   */
  public static final String STORE_NEWER_PAGE = "tributary.store.newer-page";

  /** Request (empty body) → reply {@code TopicCounts}. */
  public static final String STORE_TOPIC_COUNTS = "tributary.store.topic-counts";

  /** Request {@code ReplayQuery} → reply {@code ReplayBatch}: what a stream client missed. */
  public static final String STORE_REPLAY = "tributary.store.replay";

  /** Request (empty body) → reply {@code Long}: the newest article's sequence number, 0 if none. */
  public static final String STORE_LAST_SEQ = "tributary.store.last-seq";

  /** Request {@code CorpusQuery} → reply {@code CorpusPage}: stored document frequencies. */
  public static final String STORE_CORPUS_TERMS = "tributary.store.corpus-terms";

  /** Request {@code ReplayQuery} → reply {@code StoredSeqs}: stored sequence numbers after it. */
  public static final String STORE_CORPUS_SEQS = "tributary.store.corpus-seqs";

  /**
   * Request {@code CorpusDelta} → reply {@code true}: counts and watermark saved in one
   * transaction; fails 500 (nothing saved) when the stored watermark is not the delta's start.
   */
  public static final String STORE_CORPUS_SAVE = "tributary.store.corpus-save";

  /** Request {@code TopicUpdates} → reply {@code Integer}: articles whose topics changed. */
  public static final String STORE_REPLACE_TOPICS = "tributary.store.replace-topics";

  /** Request {@code TopicExamples} → reply {@code Integer}: examples the topic now has. */
  public static final String STORE_ADD_EXAMPLES = "tributary.store.add-examples";

  /** Request (empty body) → reply {@code TopicExamples}: every stored example. */
  public static final String STORE_EXAMPLES = "tributary.store.examples";

  /**
   * Request {@code JsonObject} {@code {"slug", "articleIds": [...], "texts": [{"title", "text"}]}}
   * → reply {@code JsonObject} {@code {"slug", "added", "examples"}}. Handled by the tagger, which
   * owns the topic model.
   */
  public static final String TOPICS_ADD_EXAMPLES = "tributary.topics.add-examples";

  /** Request (empty body) → reply {@code JsonObject} {@code {"articles", "changed"}}. */
  public static final String TOPICS_RETAG = "tributary.topics.retag";

  /**
   * Request {@code StoredTerms} (a newly stored article's words) → reply {@code true} once its
   * words are counted in the corpus statistics. Handled by the tagger, which owns the topic model.
   */
  public static final String TOPICS_COUNT_STORED = "tributary.topics.count-stored";

  /** Request {@code Article} → reply {@code JsonArray}: per topic, its score and evidence. */
  public static final String TOPICS_EXPLAIN = "tributary.topics.explain";

  /** Published {@code Taxonomy} when the taxonomy file changed and was reloaded. */
  public static final String TOPICS_CHANGED = "tributary.topics.changed";

  /** Published {@code Integer} (articles changed) after a re-tag wrote new topics. */
  public static final String ARTICLES_RETAGGED = "tributary.articles.retagged";

  /** Request {@code Source} → reply {@code Source}: the stored one (existing for a known URL). */
  public static final String STORE_ADD_SOURCE = "tributary.store.add-source";

  /** Request {@code Source} → reply {@code true}: the source's polling state was saved. */
  public static final String STORE_UPDATE_SOURCE = "tributary.store.update-source";

  /** Request source id ({@code String}) → reply {@code Boolean}: whether it existed. */
  public static final String STORE_DELETE_SOURCE = "tributary.store.delete-source";

  /** Request (empty body) → reply {@code Sources}: every subscription. */
  public static final String STORE_SOURCES = "tributary.store.sources";

  /** Request {@code DueQuery} → reply {@code Sources}: those due for a poll. */
  public static final String STORE_DUE_SOURCES = "tributary.store.due-sources";

  /**
   * Request {@code ReaderQuery} → reply {@code ReaderPage}: a page of a reader stream, each item
   * with its read and starred state (docs/ARCHITECTURE.md, "Reader apps").
   */
  public static final String STORE_READER_PAGE = "tributary.store.reader-page";

  /** Request {@code ReaderLookup} → reply {@code ReaderPage}: those articles with their state. */
  public static final String STORE_READER_ITEMS = "tributary.store.reader-items";

  /** Request {@code StateChange} → reply {@code Integer}: rows changed. Handled by the writer. */
  public static final String STORE_READER_CHANGE = "tributary.store.reader-change";

  /**
   * Request {@code MarkAllRead} → reply {@code Integer}: articles marked. Handled by the writer.
   */
  public static final String STORE_READER_MARK_ALL = "tributary.store.reader-mark-all";

  /** Request (empty body) → reply {@code Long}: how many articles are stored. */
  public static final String STORE_COUNT = "tributary.store.count";

  /** Request (empty body) → reply {@code UnreadCounts}. */
  public static final String STORE_UNREAD_COUNTS = "tributary.store.unread-counts";

  /**
   * Request {@code Boolean} (with each source's topics) → reply {@code ReaderSources}: the sources
   * the reader account sees.
   */
  public static final String STORE_READER_SOURCES = "tributary.store.reader-sources";

  /** Request {@code JsonArray} of article ids → reply {@code JsonArray}: those already stored. */
  public static final String STORE_EXISTING_IDS = "tributary.store.existing-ids";

  /**
   * Request source id ({@code String}) → reply {@code HubSubscription}, or failure 404 when the
   * source has none.
   */
  public static final String STORE_HUB_SUBSCRIPTION = "tributary.store.hub-subscription";

  /** Request {@code HubSubscription} → reply {@code Boolean}: false when the source is gone. */
  public static final String STORE_SAVE_HUB_SUBSCRIPTION = "tributary.store.save-hub-subscription";

  /** Published {@code String} source id: a new subscription, to be polled at once. */
  public static final String SOURCE_ADDED = "tributary.source.added";

  /**
   * Request (empty body) → reply {@code "ok"} when the store answers a query; fails 503 while the
   * disk is full.
   */
  public static final String STORE_PING = "tributary.store.ping";

  /** Published {@code StoredArticle} after a new (not duplicate) article is durably stored. */
  public static final String ARTICLE_STORED = "tributary.article.stored";

  /**
   * Cluster-wide, published {@code JsonObject} {@code {"origin", "seq", "article"}}: a member's new
   * article, for every other member's caches and streams (cluster/ClusterEvents relays it to and
   * from {@link #ARTICLE_STORED}).
   */
  public static final String CLUSTER_ARTICLE_STORED = "tributary.cluster.article-stored";

  /**
   * Cluster-wide, published {@code JsonObject} {@code {"origin", "changed"}}: a member re-tagged.
   */
  public static final String CLUSTER_ARTICLES_RETAGGED = "tributary.cluster.articles-retagged";
}
