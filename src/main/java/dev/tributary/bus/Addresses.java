package dev.tributary.bus;

/**
 * Every event-bus address Tributary uses, in one place. docs/ARCHITECTURE.md lists each with its
 * message and reply.
 */
public final class Addresses {
  private Addresses() {}

  /** Request {@code RawDocument} → reply {@code StoredArticle}. Handled by the extractor. */
  public static final String INGEST = "tributary.ingest";

  /** Request {@code Article} (untagged) → reply {@code StoredArticle}. Handled by the tagger. */
  public static final String TAG = "tributary.tag";

  /** Request {@code Article} (tagged) → reply {@code StoredArticle}. Handled by the store. */
  public static final String STORE_PUT = "tributary.store.put";

  /** Request article id ({@code String}) → reply {@code Article}, or failure 404. */
  public static final String STORE_GET = "tributary.store.get";

  /** Request {@code TimelineQuery} → reply {@code TimelinePage}. */
  public static final String STORE_TIMELINE = "tributary.store.timeline";

  /** Request (empty body) → reply {@code TopicCounts}. */
  public static final String STORE_TOPIC_COUNTS = "tributary.store.topic-counts";

  /** Request {@code ReplayQuery} → reply {@code ReplayBatch}: what a stream client missed. */
  public static final String STORE_REPLAY = "tributary.store.replay";

  /** Request (empty body) → reply {@code "ok"} when the store answers a query. */
  public static final String STORE_PING = "tributary.store.ping";

  /** Published {@code StoredArticle} after a new (not duplicate) article is durably stored. */
  public static final String ARTICLE_STORED = "tributary.article.stored";
}
