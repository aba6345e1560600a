package dev.tributary.store.postgres;

import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoredSeqs;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The corpus statistics: read by pages, written by deltas under a watermark compare-and-set. */
final class PostgresCorpus {
  private PostgresCorpus() {}

  /** The state and one page of terms; the caller runs it in one transaction (one snapshot). */
  static Future<CorpusPage> page(SqlConnection tx, CorpusQuery query) {
    return tx.preparedQuery("SELECT documents, counted_through_seq FROM corpus_state WHERE id = 1")
        .execute()
        .compose(
            state ->
                tx.preparedQuery(
                        "SELECT hash, df FROM corpus_terms WHERE hash > $1 ORDER BY hash LIMIT $2")
                    .execute(Tuple.of(query.afterHash(), (long) query.limit()))
                    .map(
                        terms -> {
                          Row s = state.iterator().next();
                          long[] hashes = new long[terms.size()];
                          int[] frequencies = new int[terms.size()];
                          int n = 0;
                          for (Row t : terms) {
                            hashes[n] = t.getLong(0);
                            frequencies[n++] = t.getLong(1).intValue();
                          }
                          return new CorpusPage(s.getLong(0), s.getLong(1), hashes, frequencies);
                        }));
  }

  /** Adds the delta; fails when the stored watermark is not the one the delta starts from. */
  static Future<Void> add(SqlConnection tx, CorpusDelta delta) {
    return tx.preparedQuery(
            "UPDATE corpus_state SET documents = documents + $1, counted_through_seq = $2"
                + " WHERE id = 1 AND counted_through_seq = $3")
        .execute(Tuple.of((long) delta.documents(), delta.throughSeq(), delta.fromSeq()))
        .compose(
            updated -> {
              if (updated.rowCount() != 1) {
                return Future.failedFuture(
                    new StoreException(
                        "corpus counts are no longer at seq "
                            + delta.fromSeq()
                            + ": not counted twice",
                        null));
              }
              return addTerms(tx, delta.terms());
            });
  }

  private static Future<Void> addTerms(SqlConnection tx, List<CorpusDelta.Term> terms) {
    if (terms.isEmpty()) return Future.succeededFuture();
    // In key order, as the SQLite store does: two writers never take row locks crosswise.
    List<CorpusDelta.Term> byHash = new ArrayList<>(terms);
    byHash.sort(Comparator.comparingLong(CorpusDelta.Term::hash));
    return tx.preparedQuery(
            "INSERT INTO corpus_terms (hash, stem, df)"
                + " SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])"
                + " ON CONFLICT (hash) DO UPDATE SET df = corpus_terms.df + excluded.df")
        .execute(
            Tuple.of(
                byHash.stream().map(CorpusDelta.Term::hash).toArray(Long[]::new),
                byHash.stream().map(CorpusDelta.Term::stem).toArray(String[]::new),
                byHash.stream().map(t -> (long) t.df()).toArray(Long[]::new)))
        .mapEmpty();
  }

  static Future<StoredSeqs> seqsAfter(SqlClient client, long afterSeq, int limit) {
    return client
        .preparedQuery("SELECT seq FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2")
        .execute(Tuple.of(afterSeq, (long) limit))
        .map(
            rows -> {
              List<Long> seqs = new ArrayList<>();
              for (Row r : rows) seqs.add(r.getLong(0));
              return new StoredSeqs(seqs);
            });
  }
}
