package dev.tributary.sources.parse;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file of the real-world and hostile corpus (src/test/resources/corpus/feeds, see its README)
 * has the outcome its row in {@code corpus-outcomes.tsv} names: the number of entries it parses to,
 * or the reason it is refused for. No other exception, no hang, no file without a row.
 *
 * <p>A changed row is a change of behaviour to explain in the commit. {@code
 * -Dcorpus.outcomes.write=PATH} writes the table the parser gives today, to compare with it.
 */
class CorpusRobustnessTest {

  private static final String OUTCOMES = "/corpus-outcomes.tsv";

  private static final Pattern HEADER_CONTENT_TYPE =
      Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.+?)\\s*$");

  private static Path corpus;
  private static ExecutorService worker;

  /** What one file gives: {@code entries N} or {@code refused REASON}. */
  private record Outcome(String text) {
    static Outcome of(ParsedFeed feed) {
      return new Outcome("entries " + feed.items().size());
    }

    static Outcome of(FeedParseException.Reason reason) {
      return new Outcome("refused " + reason);
    }
  }

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

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvFileSource(resources = OUTCOMES, delimiter = '\t')
  void eachFileGivesTheOutcomeItsRowNames(String file, String expected) throws Exception {
    assertEquals(expected, parseWithin(corpus.resolve(file), 5).text());
  }

  @Test
  void everyCorpusFileHasARowAndEveryRowAFile() throws Exception {
    List<Path> files = dataFiles();
    String writeTo = System.getProperty("corpus.outcomes.write");
    if (writeTo != null) writeTable(Path.of(writeTo), files);
    Set<String> names = files.stream().map(CorpusRobustnessTest::name).collect(toSet());
    Set<String> rows = tableRows().keySet();
    assertEquals(Set.of(), difference(names, rows), "corpus files without a row in " + OUTCOMES);
    assertEquals(Set.of(), difference(rows, names), "rows of " + OUTCOMES + " without a file");
  }

  private static Set<String> difference(Set<String> these, Set<String> those) {
    Set<String> left = new TreeSet<>(these);
    left.removeAll(those);
    return left;
  }

  private static Map<String, String> tableRows() throws IOException {
    Map<String, String> rows = new TreeMap<>();
    try (InputStream in = CorpusRobustnessTest.class.getResourceAsStream(OUTCOMES)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cells = line.split("\t");
        rows.put(cells[0], cells[1]);
      }
    }
    return rows;
  }

  private static void writeTable(Path target, List<Path> files) throws Exception {
    StringBuilder table = new StringBuilder(HEADER);
    for (Path file : files) {
      table.append(name(file)).append('\t').append(parseWithin(file, 5).text()).append('\n');
    }
    Files.writeString(target, table);
  }

  private static final String HEADER =
      "# Each corpus file (under corpus/feeds) and what FeedParser makes of it: \"entries N\" or\n"
          + "# \"refused REASON\" (FeedParseException.Reason). Read by CorpusRobustnessTest.\n";

  private static String name(Path file) {
    return corpus.relativize(file).toString().replace('\\', '/');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xmlbomb.xml",
        "xmlbomb2.xml",
        "quadratic.xml",
        "cyclic.xml",
        "external.xml",
        "external_file.xml",
        "dtd_element.xml"
      })
  void hostileDocumentsAreRefusedWithoutExpansion(String name) throws IOException {
    byte[] body = Files.readAllBytes(corpus.resolve("defusedxml/xmltestdata/" + name));
    FeedParseException e =
        assertThrows(
            FeedParseException.class,
            () -> new FeedParser().parse(body, "application/xml", "https://corpus.test/x"));
    assertEquals(FeedParseException.Reason.HOSTILE, e.reason());
  }

  @Test
  void anExternalDtdIsNeverFetchedAndTheDocumentIsJudgedOnItsOwn() throws IOException {
    byte[] body = Files.readAllBytes(corpus.resolve("defusedxml/xmltestdata/dtd.xml"));
    FeedParseException e =
        assertThrows(
            FeedParseException.class,
            () -> new FeedParser().parse(body, null, "https://corpus.test/x"));
    assertEquals(FeedParseException.Reason.NOT_A_FEED, e.reason());
  }

  @Test
  void relativeItemLinkResolvesAgainstTheFeedUrl() throws Exception {
    FeedItem item =
        parse("feedparser/wellformed/base/http_item_link_base_docuri.xml").items().get(0);
    assertEquals("https://corpus.test/relative/uri", item.url());
  }

  @Test
  void contentEncodedIsTheItemsContent() throws Exception {
    FeedItem item = parse("feedparser/wellformed/rss/item_content_encoded.xml").items().get(0);
    assertEquals("<p>Example content</p>", item.contentHtml());
  }

  @Test
  void rfc822PubDateIsRead() throws Exception {
    FeedItem item = parse("feedparser/wellformed/rss/item_pubDate.xml").items().get(0);
    assertEquals(Instant.parse("2004-01-01T19:48:21Z"), item.published());
  }

  @Test
  void jsonFeedExampleHasTitleSiteAndBothItems() throws Exception {
    ParsedFeed feed = parse("feedparser/json/example.json");
    assertEquals("My Example Feed", feed.title());
    assertEquals("https://example.org/", feed.siteUrl());
    assertEquals(2, feed.items().size());
    assertEquals("https://example.org/second-item", feed.items().get(0).url());
  }

  @Test
  void htmlNamedEntitiesInTitlesAreHealed() throws Exception {
    assertEquals("testing \u00e9 entity", parse("feedparser/entities/eacute.xml").title());
  }

  @Test
  void declaredLegacyEncodingIsDecoded() throws Exception {
    assertEquals("\ub144", parse("feedparser/encoding/euc-kr.xml").title());
  }

  @Test
  void latin1LabelReadsAsWindows1252LikeBrowsersDo() throws Exception {
    FeedItem item =
        parse("feedparser/encoding/http_text_xml_charset_overrides_encoding_2.xml").items().get(0);
    assertEquals("This is a \u00a3\u201ctest.\u201d", item.contentHtml());
  }

  private static ParsedFeed parse(String relative) throws Exception {
    byte[] body = Files.readAllBytes(corpus.resolve(relative));
    return new FeedParser()
        .parse(body, contentTypeFromHeaderComment(body), "https://corpus.test/" + relative);
  }

  /** The outcome of one file, parsed on a worker so that a hang fails the test, not the build. */
  private static Outcome parseWithin(Path file, int seconds) throws Exception {
    byte[] body = Files.readAllBytes(file);
    String contentType = contentTypeFromHeaderComment(body);
    String feedUrl = "https://corpus.test/" + name(file);
    Future<Outcome> future =
        worker.submit(
            () -> {
              try {
                return Outcome.of(new FeedParser().parse(body, contentType, feedUrl));
              } catch (FeedParseException e) {
                assertNotNull(e.getMessage());
                return Outcome.of(e.reason());
              }
            });
    try {
      return future.get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name(file) + ": escaped the parser", e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError(name(file) + ": no outcome within " + seconds + " s", e);
    }
  }

  /** feedparser's own tests serve some files with the HTTP header their comment names. */
  private static String contentTypeFromHeaderComment(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
    Matcher m = HEADER_CONTENT_TYPE.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** Every data file: all but the licences and the corpus README. */
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
