import dev.tributary.article.Format;
import dev.tributary.article.SourceRef;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.stories.StoryRules;
import dev.tributary.topics.TopicTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQLite writer alone (issue 10), run with the jar on the class path:
 *
 * <pre>
 * java -Xmx512m -cp target/tributary.jar bench/WriterCost.java ARTICLES DATA BATCH [nostories]
 * </pre>
 *
 * Reads the article files in ARTICLES (e.g. bench/gen_articles.py's, all from one source as POST
 * sends them), runs each through the pipeline once (not timed), then puts them into a fresh store in
 * DATA in batches of BATCH, as the store's writer does under load (a POST run's group commits hold
 * about 5), on this one thread: the first half, then the second, each with the writer thread's CPU
 * and the wall time per article, and the bytes the process wrote (the write calls, search index
 * included). With {@code nostories} the store runs with story detection off. Not a test: it prints
 * figures and exits 0 unless the store refused an article.
 */
public class WriterCost {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: WriterCost.java ARTICLES DATA BATCH [nostories]");
      System.exit(2);
    }
    Path articles = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int batch = Integer.parseInt(args[2]);
    boolean stories = !(args.length > 3 && args[3].equals("nostories"));
    StoryRules rules = new StoryRules(stories, StoryRules.DEFAULT_THRESHOLD);
    TopicTagger tagger = TopicTagger.load(Path.of("conf/topics.json"));
    ArticlePipeline pipeline = new ArticlePipeline(Clock.systemUTC(), () -> tagger, rules);
    List<PutRequest> requests = new ArrayList<>();
    try (var files = Files.list(articles)) {
      for (Path f : files.sorted().toList()) {
        var doc =
            ArticlePipeline.decode(
                f.getFileName().toString(), Format.TEXT, Files.readAllBytes(f), 1 << 20,
                SourceRef.API);
        requests.add(pipeline.process(doc).toStore());
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int half = requests.size() / 2;
    try (SqliteStore store = SqliteStore.open(data, rules)) {
      for (int part = 0; part < 2; part++) {
        long written = writtenBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = part * half; i < (part + 1) * half; i += batch) {
          for (PutResult r : store.putBatch(requests.subList(i, Math.min((part + 1) * half, i + batch)))) {
            if (r.isFailed() || !r.stored().created()) {
              System.err.println("not stored: " + r);
              System.exit(1);
            }
          }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        Thread.sleep(1_500); // the search index's thread catches up: its writes count too
        written = writtenBytes() - written;
        System.out.printf(
            Locale.ROOT,
            "%s half: batch %d, stories %s: %.3f ms writer CPU and %.3f ms wall per article (%.0f/s),"
                + " %.1f KB written per article%n",
            part == 0 ? "first" : "second", batch, stories ? "on" : "off", cpu / 1e6 / half,
            wall / 1e6 / half, half / (wall / 1e9), written / 1024.0 / half);
      }
    }
  }

  /** What the process has handed to write calls so far ({@code wchar} of /proc/self/io). */
  static long writtenBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
      if (line.startsWith("wchar:")) return Long.parseLong(line.substring(6).trim());
    }
    return 0;
  }
}
