package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusRobustnessTest {

  private static final Pattern HEADER_CONTENT_TYPE =
      Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.+?)\\s*$");

  private static Path corpus;
  private static ExecutorService worker;

  @BeforeAll
  static void locateCorpus() throws URISyntaxException {
    corpus = Path.of(CorpusRobustnessTest.class.getResource("/corpus/feeds").toURI());
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "corpus-parser");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  private record Outcome(
      Path file, ParsedFeed feed, FeedParseException.Reason reason, String message) {}

  @Test
  void everyFileEitherParsesOrIsRefusedWithAReason() throws Exception {
    List<Path> files = dataFiles();
    List<Outcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (Path file : files) {
      try {
        outcomes.add(parseWithin(file, 5));
      } catch (Throwable t) {
        failures.add(corpus.relativize(file) + ": " + t);
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    Map<FeedParseException.Reason, Integer> rejected =
        new EnumMap<>(FeedParseException.Reason.class);
    Map<String, Integer> byFolderReason = new TreeMap<>();
    int parsed = 0;
    for (Outcome o : outcomes) {
      String folder =
          corpus
              .relativize(o.file)
              .subpath(0, Math.min(2, corpus.relativize(o.file).getNameCount() - 1))
              .toString();
      if (o.feed != null) {
        parsed++;
        byFolderReason.merge(folder + " PARSED", 1, Integer::sum);
      } else {
        rejected.merge(o.reason, 1, Integer::sum);
        byFolderReason.merge(folder + " " + o.reason, 1, Integer::sum);
        System.out.println("REJ " + corpus.relativize(o.file) + " " + o.reason + " " + o.message);
      }
    }
    System.out.printf(
        "corpus: %d files in %d ms: %d parsed, rejected %s%n",
        files.size(), millis, parsed, rejected);
    byFolderReason.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    assertTrue(
        failures.isEmpty(), "unexpected exceptions or hangs:\n" + String.join("\n", failures));
  }

  private Outcome parseWithin(Path file, int seconds) throws Exception {
    byte[] body = Files.readAllBytes(file);
    String contentType = contentTypeFromHeaderComment(body);
    String feedUrl = "https://corpus.test/" + corpus.relativize(file).toString().replace('\\', '/');
    Future<Outcome> future =
        worker.submit(
            () -> {
              try {
                return new Outcome(
                    file, new FeedParser().parse(body, contentType, feedUrl), null, null);
              } catch (FeedParseException e) {
                return new Outcome(file, null, e.reason(), e.getMessage());
              }
            });
    try {
      return future.get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception)
          (e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause()));
    }
  }

  /** feedparser's tests serve some files with the HTTP header their comment names. */
  private static String contentTypeFromHeaderComment(byte[] body) {
    Matcher m =
        HEADER_CONTENT_TYPE.matcher(
            new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }

  private static List<Path> dataFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("LICENSE"))
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .toList();
    }
  }
}
