import dev.tributary.store.sqlite.SqliteStore;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bare-insert floor of bench/ingest.sh: the rows Tributary stores for each article file (the
 * article with its text, HTML and summary, three topic rows, the FTS5 index) inserted by a plain
 * loop into a fresh store with Tributary's own schema (created by SqliteStore.open, so the
 * migrations are the real ones), BATCH per transaction, WAL, synchronous=FULL. No extraction, no
 * tagging: what the disk and SQLite allow.
 *
 * <p>FTS, how the index is written: {@code trigger} (the default) by the V1 schema's insert
 * trigger into V1's index in the same file, as the floor was defined when issue 10 was filed (V10
 * dropped that trigger and V11 moved the index to a file of its own, so both are made again here);
 * {@code direct} by an insert of its own after each article (the same rows at about half the
 * index's cost: the trigger's statement savepoint makes FTS5 write a segment per article); {@code
 * nofts} not at all, to see what the index costs.
 *
 * <p>Run with the jar on the class path (JDK 17 single-file launch): {@code java -cp
 * target/tributary.jar bench/BareInsert.java ARTICLES_DIR DATA_DIR [BATCH [FTS]]}. Prints "rows N
 * seconds S rate R cpu_ms_per_row C fts F" (C: the JVM's CPU, SQLite's included, per row).
 */
public class BareInsert {
  public static void main(String[] args) throws Exception {
    Path articles = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    String fts = args.length > 3 ? args[3] : "trigger";
    if (!List.of("trigger", "direct", "nofts").contains(fts)) {
      throw new IllegalArgumentException("FTS is trigger, direct or nofts, not " + fts);
    }
    SqliteStore.open(data).close(); // the schema, by Tributary's migrations
    List<Path> files;
    try (Stream<Path> s = Files.list(articles)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tributary.db"))) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
        st.execute("PRAGMA foreign_keys = ON");
        if (!fts.equals("nofts")) {
          // the index as V1 kept it, in the store's file (Tributary writes it to search.db since
          // V11, on a thread of its own: not part of the floor)
          st.execute(
              "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles',"
                  + " content_rowid = 'seq', tokenize = 'porter unicode61')");
        }
        if (fts.equals("trigger")) {
          st.execute(
              "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO"
                  + " articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END");
        }
      }
      c.setAutoCommit(false);
      PreparedStatement article =
          c.prepareStatement(
              "INSERT INTO articles (id, content_hash, title, summary, content_html, text, url,"
                  + " source_id, source_title, author, published_ms, ingested_ms, tags)"
                  + " VALUES (?, ?, ?, ?, ?, ?, NULL, 'inbox', 'Inbox', NULL, ?, ?, '[]')",
              Statement.RETURN_GENERATED_KEYS);
      PreparedStatement topic =
          c.prepareStatement(
              "INSERT INTO article_topics (article_seq, slug, label, score) VALUES (?, ?, ?, ?)");
      PreparedStatement index =
          fts.equals("direct")
              ? c.prepareStatement("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)")
              : null;
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      int n = 0;
      for (Path f : files) {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        int nl = raw.indexOf('\n');
        String title = nl < 0 ? raw : raw.substring(0, nl).trim();
        String text = nl < 0 ? raw : raw.substring(nl + 1).trim();
        StringBuilder html = new StringBuilder();
        for (String p : text.split("\n\n")) html.append("<p>").append(p).append("</p>");
        long now = System.currentTimeMillis();
        String hash = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        article.setString(1, hash.substring(0, 16));
        article.setString(2, hash);
        article.setString(3, title);
        article.setString(4, text.substring(0, Math.min(280, text.length())));
        article.setString(5, html.toString());
        article.setString(6, text);
        article.setLong(7, now);
        article.setLong(8, now);
        article.executeUpdate();
        long seq;
        try (ResultSet keys = article.getGeneratedKeys()) {
          keys.next();
          seq = keys.getLong(1);
        }
        if (fts.equals("direct")) {
          index.setLong(1, seq);
          index.setString(2, title);
          index.setString(3, text);
          index.executeUpdate();
        }
        for (String slug : List.of("ketamine", "depression", "anxiety")) {
          topic.setLong(1, seq);
          topic.setString(2, slug);
          topic.setString(3, slug);
          topic.setDouble(4, 0.5);
          topic.addBatch();
        }
        topic.executeBatch();
        if (++n % batch == 0) c.commit();
      }
      c.commit();
      double s = (System.nanoTime() - t0) / 1e9;
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
      System.out.printf(
          "rows %d seconds %.2f rate %.0f cpu_ms_per_row %.2f fts %s%n", n, s, n / s, cpuMs / n, fts);
    }
  }
}
