package dev.tributary.store;

/**
 * A page of the stored corpus statistics: at most {@code limit} stems after {@code afterStem} (in
 * the store's order), the first page when it is empty.
 */
public record CorpusQuery(String afterStem, int limit) {}
