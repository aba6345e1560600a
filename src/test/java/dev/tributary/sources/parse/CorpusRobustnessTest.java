package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file of the real-world and hostile corpus (src/test/resources/corpus/feeds, see its README)
 * either parses or is refused with a reason: no other exception, no hang.
 */
class CorpusRobustnessTest {

  /** Counts as of this parser; a change here is a change of behaviour to explain in the commit. */
  private static final int EXPECTED_PARSED = 2225;

  private static final Map<FeedParseException.Reason, Integer> EXPECTED_REJECTED =
      Map.of(
          FeedParseException.Reason.NOT_A_FEED, 28,
          FeedParseException.Reason.MALFORMED, 17,
          FeedParseException.Reason.HOSTILE, 9,
          FeedParseException.Reason.EMPTY, 1);

  private static final Pattern HEADER_CONTENT_TYPE =
      Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.+?)\\s*$");

  private static Path corpus;
  private static ExecutorService worker;

  private record Outcome(ParsedFeed feed, FeedParseException.Reason reason) {}

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

  @Test
  void everyFileEitherParsesOrIsRefusedWithAReason() throws IOException {
    List<Path> files = dataFiles();
    List<String> failures = new ArrayList<>();
    Map<FeedParseException.Reason, Integer> rejected =
        new EnumMap<>(FeedParseException.Reason.class);
    Map<String, Integer> byFolder = new TreeMap<>();
    int parsed = 0;
    long started = System.nanoTime();
    for (Path file : files) {
      Path relative = corpus.relativize(file);
      String folder = relative.subpath(0, Math.min(2, relative.getNameCount() - 1)).toString();
      try {
        Outcome outcome = parseWithin(file, 5);
        if (outcome.feed() != null) {
          parsed++;
          byFolder.merge(folder + " parsed", 1, Integer::sum);
        } else {
          rejected.merge(outcome.reason(), 1, Integer::sum);
          byFolder.merge(folder + " " + outcome.reason(), 1, Integer::sum);
        }
      } catch (Exception | Error e) {
        failures.add(relative + ": " + e);
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf(
        "corpus: %d files in %d ms: %d parsed, rejected %s%n",
        files.size(), millis, parsed, rejected);
    byFolder.forEach((key, count) -> System.out.println("  " + key + ": " + count));

    assertTrue(failures.isEmpty(), "exceptions or hangs:\n" + String.join("\n", failures));
    assertEquals(EXPECTED_PARSED, parsed, "parsed");
    assertEquals(EXPECTED_REJECTED, rejected, "rejected by reason");
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

  @Test
  void utf16AndUtf32WithoutBomAreDetected() throws Exception {
    assertNotNull(parse("feedparser/encoding/utf-16le-autodetect.xml"));
    assertNotNull(parse("feedparser/encoding/utf-32be-autodetect.xml"));
  }

  private static ParsedFeed parse(String relative) throws Exception {
    byte[] body = Files.readAllBytes(corpus.resolve(relative));
    return new FeedParser()
        .parse(body, contentTypeFromHeaderComment(body), "https://corpus.test/" + relative);
  }

  private Outcome parseWithin(Path file, int seconds) throws Exception {
    byte[] body = Files.readAllBytes(file);
    String contentType = contentTypeFromHeaderComment(body);
    String feedUrl = "https://corpus.test/" + corpus.relativize(file).toString().replace('\\', '/');
    Future<Outcome> future =
        worker.submit(
            () -> {
              try {
                return new Outcome(new FeedParser().parse(body, contentType, feedUrl), null);
              } catch (FeedParseException e) {
                assertNotNull(e.getMessage());
                return new Outcome(null, e.reason());
              }
            });
    try {
      return future.get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("escaped the parser", e.getCause());
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
