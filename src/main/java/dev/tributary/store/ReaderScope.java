package dev.tributary.store;

/**
 * Which articles a reader stream or mark covers: all of them, one source's, or one topic's.
 *
 * @param sourceId only this source's articles, or null
 * @param topic only the articles with this topic (slug), or null
 */
public record ReaderScope(String sourceId, String topic) {
  public static final ReaderScope ALL = new ReaderScope(null, null);

  public ReaderScope {
    if (sourceId != null && topic != null) {
      throw new IllegalArgumentException("a scope is a source or a topic, not both");
    }
  }

  public static ReaderScope source(String sourceId) {
    return new ReaderScope(sourceId, null);
  }

  public static ReaderScope topic(String slug) {
    return new ReaderScope(null, slug);
  }
}
