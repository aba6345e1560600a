package dev.tributary.bench;

import dev.tributary.topics.AnalyzedText;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TextAnalyzer;
import dev.tributary.topics.TopicMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where TopicTagger.tag's time goes, stage by stage, on the same articles and shipped taxonomy
 * (not run by default: BENCH=StagesBenchmark bench/tagger.sh). Each score is articles/s for
 * that much of the work:
 *
 * <ul>
 *   <li>{@code luceneOnly}: the same Lucene chain (StandardTokenizer, EnglishPossessive,
 *       LowerCase, PorterStem) consumed with no per-word objects: the floor of any tagger that
 *       analyses with Lucene;
 *   <li>{@code analyze}: TextAnalyzer.analyze (Lucene plus Token objects, paragraphs,
 *       sentences, lead, surface forms);
 *   <li>{@code analyzeAndMatch}: plus TopicMatcher.find. tag() = this plus the scorer.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StagesBenchmark {

  @State(Scope.Benchmark)
  public static class Stages {
    TextAnalyzer analyzer;
    TopicMatcher matcher;
    Analyzer lucene;

    @Setup(Level.Trial)
    public void load(TaggerBenchmark.Articles articles) {
      analyzer = new TextAnalyzer();
      matcher =
          new TopicMatcher(
              Taxonomy.load(articles.root.resolve("conf/topics.json")), analyzer);
      lucene =
          new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
              StandardTokenizer source = new StandardTokenizer();
              TokenStream stream = new EnglishPossessiveFilter(source);
              stream = new LowerCaseFilter(stream);
              return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
          };
    }
  }

  @Benchmark
  public int luceneOnly(
      TaggerBenchmark.Articles articles, TaggerBenchmark.Cursor cursor, Stages s) {
    Corpus.Article a = cursor.next(articles);
    return consume(s.lucene, a.title()) + consume(s.lucene, a.body());
  }

  @Benchmark
  public AnalyzedText analyze(
      TaggerBenchmark.Articles articles, TaggerBenchmark.Cursor cursor, Stages s) {
    Corpus.Article a = cursor.next(articles);
    return s.analyzer.analyze(a.title(), a.body());
  }

  @Benchmark
  public List<TopicMatcher.Match> analyzeAndMatch(
      TaggerBenchmark.Articles articles, TaggerBenchmark.Cursor cursor, Stages s) {
    Corpus.Article a = cursor.next(articles);
    return s.matcher.find(s.analyzer.analyze(a.title(), a.body()));
  }

  private static int consume(Analyzer analyzer, String text) {
    int sum = 0;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sum += term.length();
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }
}
