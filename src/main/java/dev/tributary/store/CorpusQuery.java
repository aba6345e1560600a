package dev.tributary.store;

/**
 * A page of the stored corpus statistics: at most {@code limit} stems whose hash is above {@code
 * afterHash}, by hash; {@link #FIRST} for the first page.
 */
public record CorpusQuery(long afterHash, int limit) {
  public static final long FIRST = Long.MIN_VALUE;
}
