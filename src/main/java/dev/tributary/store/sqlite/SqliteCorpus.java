package dev.tributary.store.sqlite;

import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusPage;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoredSeqs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The corpus statistics tables (V6): read by pages, written by deltas; callers hold writes' tx. */
final class SqliteCorpus {
  private final Connection connection;

  SqliteCorpus(Connection connection) {
    this.connection = connection;
  }

  CorpusPage page(CorpusQuery query) throws SQLException {
    long documents;
    long countedThrough;
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT documents, counted_through_seq FROM corpus_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      documents = rs.getLong(1);
      countedThrough = rs.getLong(2);
    }
    long[] hashes = new long[Math.min(query.limit(), 4096)];
    int[] frequencies = new int[hashes.length];
    int n = 0;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT hash, df FROM corpus_terms WHERE hash > ? ORDER BY hash LIMIT ?")) {
      ps.setLong(1, query.afterHash());
      ps.setInt(2, query.limit());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (n == hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.min(query.limit(), 2 * n));
            frequencies = Arrays.copyOf(frequencies, hashes.length);
          }
          hashes[n] = rs.getLong(1);
          frequencies[n++] = rs.getInt(2);
        }
      }
    }
    return new CorpusPage(
        documents, countedThrough, Arrays.copyOf(hashes, n), Arrays.copyOf(frequencies, n));
  }

  /** Adds the delta; throws when the stored watermark is not the one the delta starts from. */
  void add(CorpusDelta delta) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE corpus_state SET documents = documents + ?, counted_through_seq = ?"
                + " WHERE id = 1 AND counted_through_seq = ?")) {
      ps.setLong(1, delta.documents());
      ps.setLong(2, delta.throughSeq());
      ps.setLong(3, delta.fromSeq());
      if (ps.executeUpdate() != 1) {
        throw new StoreException(
            "corpus counts are no longer at seq " + delta.fromSeq() + ": not counted twice", null);
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO corpus_terms (hash, stem, df) VALUES (?, ?, ?)"
                + " ON CONFLICT (hash) DO UPDATE SET df = df + excluded.df")) {
      // In key order: each B-tree page is visited once, not once per stem on it.
      List<CorpusDelta.Term> byHash = new ArrayList<>(delta.terms());
      byHash.sort(Comparator.comparingLong(CorpusDelta.Term::hash));
      for (CorpusDelta.Term t : byHash) {
        ps.setLong(1, t.hash());
        ps.setString(2, t.stem());
        ps.setInt(3, t.df());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  StoredSeqs seqsAfter(long afterSeq, int limit) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) seqs.add(rs.getLong(1));
      }
    }
    return new StoredSeqs(seqs);
  }
}
