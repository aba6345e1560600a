package dev.tributary.topics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Document frequencies of stems over the stored articles, for TF-IDF: a word that most articles use
 * says little about any one of them. Filled from the store at start-up and kept up to date as
 * articles are stored. Thread-safe.
 */
public final class CorpusStats {
  private final Map<String, Integer> documentFrequency = new ConcurrentHashMap<>();
  private final AtomicInteger documents = new AtomicInteger();

  public void add(TermCounts article) {
    documents.incrementAndGet();
    for (String term : article.terms()) documentFrequency.merge(term, 1, Integer::sum);
  }

  public int documents() {
    return documents.get();
  }

  /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1, at least 1. */
  public double idf(String term) {
    int df = documentFrequency.getOrDefault(term, 0);
    return Math.log((documents.get() + 1.0) / (df + 1.0)) + 1.0;
  }
}
