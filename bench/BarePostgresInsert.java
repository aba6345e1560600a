import dev.tributary.store.postgres.PostgresDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bare-insert floor of bench/ingest.sh in its PostgreSQL mode: the same rows as
 * BareInsert.java (each article with its text, HTML and summary, its search vector by the schema's
 * generated column, three topic rows) inserted into a fresh database with Tributary's own schema
 * (created by its migrations), BATCH articles per transaction, each batch as one multi-row insert
 * of unnested arrays and one for its topics. One connection, no lock, no dedup query, no
 * extraction, no tagging: what the server allows.
 *
 * <p>{@code java -cp target/tributary.jar bench/BarePostgresInsert.java ARTICLES_DIR URI [BATCH]}.
 * Prints "rows N seconds S rate R".
 */
public class BarePostgresInsert {
  public static void main(String[] args) throws Exception {
    Path articles = Path.of(args[0]);
    String uri = args[1];
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Vertx vertx = Vertx.vertx();
    try (PostgresDatabase schema = PostgresDatabase.connect(vertx, uri, 1)) {
      schema.migrate();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(articles)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(uri)).using(vertx).build();
    SqlConnection c = pool.getConnection().await();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long t0 = System.nanoTime();
    List<String[]> rows = new ArrayList<>();
    for (Path f : files) {
      String raw = Files.readString(f, StandardCharsets.UTF_8);
      int nl = raw.indexOf('\n');
      String title = nl < 0 ? raw : raw.substring(0, nl).trim();
      String text = nl < 0 ? raw : raw.substring(nl + 1).trim();
      StringBuilder html = new StringBuilder();
      for (String p : text.split("\n\n")) html.append("<p>").append(p).append("</p>");
      String hash = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
      rows.add(
          new String[] {
            hash.substring(0, 16), hash, title, text.substring(0, Math.min(280, text.length())),
            html.toString(), text
          });
      if (rows.size() == batch) insert(c, rows);
    }
    if (!rows.isEmpty()) insert(c, rows);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("rows %d seconds %.2f rate %.0f%n", files.size(), s, files.size() / s);
    c.close().await();
    vertx.close().await();
  }

  private static void insert(SqlConnection c, List<String[]> rows) {
    long now = System.currentTimeMillis();
    Object[] columns = new Object[7];
    for (int col = 0; col < 6; col++) {
      int k = col;
      columns[col] = rows.stream().map(r -> r[k]).toArray(String[]::new);
    }
    Long[] times = new Long[rows.size()];
    java.util.Arrays.fill(times, now);
    columns[6] = times;
    c.query("BEGIN").execute().await();
    var seqs =
        c.preparedQuery(
                "INSERT INTO articles (id, content_hash, title, summary, content_html, text,"
                    + " source_id, source_title, published_ms, ingested_ms)"
                    + " SELECT i, h, t, s, c, x, 'inbox', 'Inbox', p, p FROM unnest($1::text[],"
                    + " $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])"
                    + " AS u(i, h, t, s, c, x, p) RETURNING seq")
            .execute(Tuple.of(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]))
            .await();
    List<Long> topicSeqs = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (var r : seqs) {
      for (String slug : List.of("ketamine", "depression", "anxiety")) {
        topicSeqs.add(r.getLong(0));
        slugs.add(slug);
      }
    }
    Double[] scores = new Double[slugs.size()];
    java.util.Arrays.fill(scores, 0.5);
    c.preparedQuery(
            "INSERT INTO article_topics (article_seq, slug, label, score)"
                + " SELECT * FROM unnest($1::bigint[], $2::text[], $2::text[], $3::float8[])")
        .execute(
            Tuple.of(
                topicSeqs.toArray(Long[]::new), slugs.toArray(String[]::new), scores))
        .await();
    c.query("COMMIT").execute().await();
    rows.clear();
  }
}
