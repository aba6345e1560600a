package dev.tributary.sources.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = OpmlTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsRomesOpml1And2Lists() throws Exception {
    List<OpmlOutline> v1 = Opml.parse(resource("/corpus/feeds/rome/rome-opml/opml_1.0.xml"));
    List<OpmlOutline> v2 = Opml.parse(resource("/corpus/feeds/rome/rome-opml/opml_2.0.xml"));
    assertTrue(v1.size() > 3, v1.toString());
    assertTrue(v2.size() > 3, v2.toString());
    assertTrue(v1.stream().allMatch(o -> o.xmlUrl().startsWith("http")));
  }

  @Test
  void flattensFoldersAndKeepsEachFeedOnce() throws Exception {
    String opml =
        """
        <opml version="1.0"><head><title>mine</title></head><body>
          <outline text="News">
            <outline text="A" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/>
            <outline text="Deeper"><outline title="B" text="b" xmlurl="https://b.example/rss"/></outline>
          </outline>
          <outline text="A again" xmlUrl="https://a.example/feed"/>
          <outline text="no feed here"/>
        </body></opml>
        """;
    assertEquals(
        List.of(
            new OpmlOutline("A", "https://a.example/feed", "https://a.example/"),
            new OpmlOutline("B", "https://b.example/rss", null)),
        Opml.parse(opml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writtenListReadsBackTheSame() throws Exception {
    List<OpmlOutline> outlines =
        List.of(
            new OpmlOutline("Q&A <weekly> \"news\"", "https://q.example/feed?a=1&b=2", null),
            new OpmlOutline(null, "https://r.example/atom", "https://r.example/"));
    String written = Opml.write("Tributary & friends", outlines);
    assertTrue(written.contains("<opml version=\"2.0\">"));
    List<OpmlOutline> read = Opml.parse(written.getBytes(StandardCharsets.UTF_8));
    assertEquals(outlines.get(0), read.get(0));
    assertEquals("https://r.example/atom", read.get(1).title());
  }

  @Test
  void entityBombInOpmlIsHostile() throws Exception {
    FeedParseException e =
        assertThrows(
            FeedParseException.class,
            () -> Opml.parse(resource("/corpus/feeds/defusedxml/xmltestdata/xmlbomb.xml")));
    assertEquals(FeedParseException.Reason.HOSTILE, e.reason());
  }

  @Test
  void feedIsNotAnOpmlList() {
    FeedParseException e =
        assertThrows(
            FeedParseException.class,
            () -> Opml.parse("<rss version='2.0'/>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(FeedParseException.Reason.NOT_A_FEED, e.reason());
  }

  @Test
  void emptyFileIsEmpty() {
    FeedParseException e = assertThrows(FeedParseException.class, () -> Opml.parse(new byte[0]));
    assertEquals(FeedParseException.Reason.EMPTY, e.reason());
  }
}
