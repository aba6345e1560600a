package dev.tributary.bench;

import dev.tributary.article.ArticleTopic;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TextAnalyzer;
import dev.tributary.topics.TopicMatcher;
import dev.tributary.topics.TopicTagger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TopicTagger.tag on ~3 KB articles, one thread: one operation is one article, so the score
 * (ops/s) is articles per second. bench/tagger.sh runs it; defaults below are overridden there.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaggerBenchmark {

  /** Articles cycled through; a power of two so the cursor is a mask. */
  static final int ARTICLES = 128;

  @State(Scope.Benchmark)
  public static class Articles {
    Corpus.Article[] articles;
    Path root;

    @Setup(Level.Trial)
    public void load() {
      root = Corpus.root();
      List<Corpus.Article> list = Corpus.articles(root, ARTICLES);
      articles = list.toArray(new Corpus.Article[0]);
      System.out.printf(
          Locale.ROOT,
          "%n[corpus] %d articles from %s, mean %.0f bytes (min %d, max %d)%n",
          articles.length,
          root.resolve("samples/articles"),
          Corpus.meanBytes(list),
          list.stream().mapToInt(Corpus.Article::bytes).min().orElse(0),
          list.stream().mapToInt(Corpus.Article::bytes).max().orElse(0));
    }
  }

  /** Which article comes next, per benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    Corpus.Article next(Articles a) {
      return a.articles[next++ & (ARTICLES - 1)];
    }
  }

  /** The shipped taxonomy, conf/topics.json. */
  @State(Scope.Benchmark)
  public static class Shipped {
    TopicTagger tagger;

    @Setup(Level.Trial)
    public void load(Articles articles) {
      Taxonomy taxonomy = Taxonomy.load(articles.root.resolve("conf/topics.json"));
      tagger = new TopicTagger(taxonomy);
      describe("conf/topics.json", taxonomy, tagger, articles);
    }
  }

  /** The shipped topics plus generated ones, {@code topics} in all. */
  @State(Scope.Benchmark)
  public static class Synthetic {
    @Param({"20", "200", "2000"})
    int topics;

    TopicTagger tagger;

    @Setup(Level.Trial)
    public void load(Articles articles) {
      String json =
          SyntheticTaxonomy.json(
              Corpus.read(articles.root.resolve("conf/topics.json")),
              Corpus.sampleTexts(articles.root),
              topics);
      Taxonomy taxonomy = Taxonomy.parse(json);
      tagger = new TopicTagger(taxonomy);
      describe("synthetic, " + topics + " topics", taxonomy, tagger, articles);
    }
  }

  @Benchmark
  public List<ArticleTopic> tagSampleSizedArticle(Articles articles, Cursor cursor, Shipped s) {
    Corpus.Article a = cursor.next(articles);
    return s.tagger.tag(a.title(), a.body());
  }

  @Benchmark
  public List<ArticleTopic> tagWithTopicCount(Articles articles, Cursor cursor, Synthetic s) {
    Corpus.Article a = cursor.next(articles);
    return s.tagger.tag(a.title(), a.body());
  }

  /** What the taxonomy does to the articles: patterns, matches and tags per article. */
  static void describe(String name, Taxonomy taxonomy, TopicTagger tagger, Articles articles) {
    int patterns =
        taxonomy.topics().stream()
            .mapToInt(
                t ->
                    t.terms().size()
                        + t.phrases().size()
                        + t.acronyms().size()
                        + t.exact().size()
                        + t.exclude().size()
                        + t.senses().size())
            .sum();
    TextAnalyzer analyzer = new TextAnalyzer();
    TopicMatcher matcher = new TopicMatcher(taxonomy, analyzer);
    long tokens = 0;
    long matches = 0;
    long tags = 0;
    long synthetic = 0;
    for (Corpus.Article a : articles.articles) {
      var analyzed = analyzer.analyze(a.title(), a.body());
      tokens += analyzed.tokens().size();
      matches += matcher.find(analyzed).size();
      List<ArticleTopic> result = tagger.tag(a.title(), a.body());
      tags += result.size();
      synthetic += result.stream().filter(t -> t.slug().startsWith("synthetic-")).count();
    }
    double n = articles.articles.length;
    System.out.printf(
        Locale.ROOT,
        "[taxonomy] %s: %d topics, %d patterns; per article: %.0f words, %.1f matches,"
            + " %.2f topics applied (%.2f synthetic)%n",
        name,
        taxonomy.topics().size(),
        patterns,
        tokens / n,
        matches / n,
        tags / n,
        synthetic / n);
  }
}
