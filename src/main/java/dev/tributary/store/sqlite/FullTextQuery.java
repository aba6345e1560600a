package dev.tributary.store.sqlite;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns a user's search words into an FTS5 query that cannot be a syntax error: every word becomes
 * a quoted term, all of which must match.
 */
final class FullTextQuery {
  private FullTextQuery() {}

  static String toFts5(String userQuery) {
    return Arrays.stream(userQuery.split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .map(w -> "\"" + w + "\"")
        .collect(Collectors.joining(" "));
  }
}
