package dev.tributary.ingest;

import dev.tributary.topics.TermCounts;

/**
 * The words of an article the store has just stored as new, sent by a pipeline worker to the tagger
 * ({@link dev.tributary.bus.Addresses#TOPICS_COUNT_STORED}), which counts them in the corpus
 * statistics.
 *
 * @param seq the article's sequence number in the store
 */
public record StoredTerms(long seq, TermCounts terms) {}
