import dev.tributary.article.Article;
import dev.tributary.article.SourceRef;
import dev.tributary.store.Store;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Story detection's cost (issue 13), run with the jar on the class path (bench/stories.sh):
 *
 * <pre>
 * java -cp tributary.jar bench/StoryCost.java generate DIR N
 *     N article files for the POST phase: NNNNNN__SOURCE.txt, a title line, a blank line, the body
 * java -cp tributary.jar bench/StoryCost.java measure WORKDIR STORED PROBES [on-only]
 *     fills a SQLite store with STORED articles (detection on; and a second one with it off unless
 *     on-only), then puts PROBES more, alternating batches between a writer with detection on and
 *     one with it off on the same file, and prints the cost per article
 * </pre>
 *
 * The articles are made-up text, not templates: words drawn from a 30,000-word vocabulary with
 * Zipf's law (so common four-word runs recur between unrelated articles, as in real text), 400 to
 * 700 words in paragraphs of sentences, from 50 sources; one in ten is a copy of an earlier article
 * from another source, cut to 50-90 %, or without a middle paragraph, with an attribution line and
 * about one word in 30 changed. Article i is a function of i alone, so nothing is held in memory.
 */
public class StoryCost {
  static final int VOCABULARY = 30_000;
  static final int SOURCES = 50;
  static final int BATCH = 256; // store.batch.maxArticles
  static final String[] WORDS = vocabulary();
  static final double[] ZIPF = zipf();

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 4 && args[0].equals("measure")) {
      boolean onOnly = args.length > 4 && args[4].equals("on-only");
      measure(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), onOnly);
    } else {
      System.err.println("usage: StoryCost.java generate DIR N | measure WORKDIR STORED PROBES [on-only]");
      System.exit(2);
    }
  }

  /** Article i: its source and body (a copy of an earlier one for one i in ten). */
  record Text(int source, String title, String body) {}

  static Text text(long i) {
    Random r = new Random(i * 0x9E3779B97F4A7C15L + 13);
    if (i >= 10 && r.nextInt(10) == 0) return copy(i, r);
    return new Text(r.nextInt(SOURCES), sentence(r, 6, 10), body(r));
  }

  static Text copy(long i, Random r) {
    long of = r.nextLong(i);
    while (of >= 10 && new Random(of * 0x9E3779B97F4A7C15L + 13).nextInt(10) == 0) of--;
    Text original = text(of);
    List<String> paragraphs = new ArrayList<>(List.of(original.body().split("\n\n")));
    if (r.nextBoolean() && paragraphs.size() > 2) {
      paragraphs.remove(paragraphs.size() / 2);
    } else {
      int keep = Math.max(1, (int) Math.ceil(paragraphs.size() * (0.5 + 0.4 * r.nextDouble())));
      paragraphs = paragraphs.subList(0, keep);
    }
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      String[] words = p.split(" ");
      for (int w = 0; w < words.length; w++) if (r.nextInt(30) == 0) words[w] = word(r);
      if (body.length() > 0) body.append("\n\n");
      body.append(String.join(" ", words));
    }
    body.append("\n\nThis article originally appeared on Source ").append(original.source()).append('.');
    int source = (original.source() + 1 + r.nextInt(SOURCES - 1)) % SOURCES;
    return new Text(source, sentence(r, 6, 10), body.toString());
  }

  static String body(Random r) {
    int words = 400 + r.nextInt(300);
    StringBuilder body = new StringBuilder();
    int inParagraph = 0;
    int paragraphLength = 60 + r.nextInt(60);
    while (words > 0) {
      String s = sentence(r, 8, 25);
      body.append(s);
      int n = s.split(" ").length;
      words -= n;
      inParagraph += n;
      if (inParagraph >= paragraphLength) {
        body.append("\n\n");
        inParagraph = 0;
        paragraphLength = 60 + r.nextInt(60);
      } else {
        body.append(' ');
      }
    }
    return body.toString().strip();
  }

  static String sentence(Random r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String w = word(r);
      if (k == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      if (k > 0) s.append(' ');
      s.append(w);
    }
    return s.append('.').toString();
  }

  static String word(Random r) {
    double u = r.nextDouble() * ZIPF[ZIPF.length - 1];
    int lo = 0;
    int hi = ZIPF.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ZIPF[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return WORDS[lo];
  }

  static String[] vocabulary() {
    String[] syllables = {
      "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "pa", "gri", "sto", "an", "el", "or",
      "un", "ber", "cal", "dun", "fen", "hal", "jor", "kel", "mar", "nor", "pel", "quin", "ros"
    };
    String[] words = new String[VOCABULARY];
    Random r = new Random(42);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < VOCABULARY; ) {
      int n = 1 + Math.min(3, i / 400) + r.nextInt(2);
      StringBuilder w = new StringBuilder();
      for (int k = 0; k < n; k++) w.append(syllables[r.nextInt(syllables.length)]);
      if (seen.add(w.toString())) words[i++] = w.toString();
    }
    return words;
  }

  static double[] zipf() {
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int rank = 1; rank <= VOCABULARY; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    return cumulative;
  }

  static void generate(Path dir, int n) throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      Text t = text(i);
      Files.writeString(
          dir.resolve(String.format("%06d__source-%02d.txt", i, t.source())),
          t.title() + "\n\n" + t.body() + "\n");
    }
  }

  static Article article(long i) {
    Text t = text(i);
    Instant when = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
    SourceRef source = new SourceRef("source-" + t.source(), "Source " + t.source());
    String body = t.body();
    return new Article(
        "a" + i, t.title(), body.substring(0, Math.min(300, body.length())), "<p>" + body + "</p>",
        body, "https://source-" + t.source() + ".example/" + i, source, null, when, when,
        List.of(), List.of());
  }

  static final StoryRules OFF = new StoryRules(false, StoryRules.DEFAULT_THRESHOLD);

  static void measure(Path work, int stored, int probes, boolean onOnly) throws Exception {
    Files.createDirectories(work);
    System.out.printf(Locale.ROOT, "stored %d, probes %d, threshold %.2f%n", stored, probes,
        StoryRules.DEFAULT_THRESHOLD);
    double on = fill(work.resolve("on"), StoryRules.DEFAULT, stored);
    if (!onOnly) {
      double off = fill(work.resolve("off"), OFF, stored);
      System.out.printf(Locale.ROOT,
          "fill (store only, batches of %d): %.0f articles/s with detection, %.0f without (%.1f %% fewer)%n",
          BATCH, on, off, 100 * (1 - on / off));
    }
    probe(work.resolve("on"), stored, probes);
  }

  /** Fills a fresh store with articles 0..n-1; answers articles/s. */
  static double fill(Path dir, StoryRules rules, int n) {
    long t0 = System.nanoTime();
    try (Store store = SqliteStore.open(dir, rules)) {
      List<Article> batch = new ArrayList<>(BATCH);
      int copies = 0;
      for (int i = 0; i < n; i++) {
        batch.add(article(i));
        if (batch.size() == BATCH || i == n - 1) {
          for (var r : store.putAll(batch)) {
            if (!r.stored().article().leadsItsStory()) copies++;
          }
          batch.clear();
        }
        if ((i + 1) % Math.max(1, n / 10) == 0) {
          System.err.printf(Locale.ROOT, "  %s: %d stored, %.0f/s%n", dir.getFileName(), i + 1,
              (i + 1) / ((System.nanoTime() - t0) / 1e9));
        }
      }
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "%s: %d stored at %.0f articles/s, %d grouped as copies%n",
          dir.getFileName(), n, rate, copies);
      return rate;
    }
  }

  /**
   * Puts probes stored..stored+probes-1 in batches of 16 (a group commit's usual size under load),
   * alternately through a writer with detection on and one with it off, on the same file: the two
   * see the same store, so the difference per article is the detection's cost there.
   */
  static void probe(Path dir, int stored, int probes) throws Exception {
    int batchSize = 16;
    long[] nanos = new long[2];
    int[] count = new int[2];
    int copies = 0;
    try (Store on = SqliteStore.open(dir, StoryRules.DEFAULT);
        Store off = SqliteStore.open(dir, OFF)) {
      // warm-up: the JIT, and the pages the probes touch, as after any start
      long next = stored;
      for (int b = 0; b < 40; b++, next += batchSize) put(b % 2 == 0 ? on : off, next, batchSize);
      for (int b = 0; b * batchSize < probes; b++, next += batchSize) {
        int which = b % 2;
        long t0 = System.nanoTime();
        copies += put(which == 0 ? on : off, next, batchSize);
        nanos[which] += System.nanoTime() - t0;
        count[which] += batchSize;
      }
    }
    double onUs = nanos[0] / 1e3 / count[0];
    double offUs = nanos[1] / 1e3 / count[1];
    long sketchNanos = 0;
    for (long i = stored; i < stored + 2000; i++) {
      String text = article(i).text();
      long t0 = System.nanoTime();
      StorySketch.of(text);
      sketchNanos += System.nanoTime() - t0;
    }
    System.out.printf(Locale.ROOT,
        "put per article at %d stored (batches of %d, fsync each): %.0f µs with detection, %.0f µs"
            + " without: detection %.0f µs per article (of which the sketch %.0f µs);"
            + " %d of %d probes grouped as copies%n",
        stored, batchSize, onUs, offUs, onUs - offUs, sketchNanos / 1e3 / 2000, copies, count[0]);
    System.out.printf(Locale.ROOT, "store file: %.0f MB%n",
        Files.size(dir.resolve("tributary.db")) / 1e6);
  }

  /** Puts articles first..first+n-1 in one batch; answers how many were grouped as copies. */
  static int put(Store store, long first, int n) {
    List<Article> batch = new ArrayList<>(n);
    for (long i = first; i < first + n; i++) batch.add(article(i));
    int copies = 0;
    for (var r : store.putAll(batch)) if (!r.stored().article().leadsItsStory()) copies++;
    return copies;
  }
}
