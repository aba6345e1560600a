package dev.tributary.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import dev.tributary.article.Article;
import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A story's first copy in every feed format: the other sources named, linked and escaped. */
class StoryEntriesTest {
  private final Feeds feeds = new Feeds();

  static Article withCopies() {
    Article a = SampleArticles.ketamineTrial();
    return a.withStory(
        a.id(),
        List.of(
            new StoryCopy(
                "c1",
                new SourceRef("api:x", "Daily <script>\"&"),
                "https://daily.example/a?b=1&c=2"),
            new StoryCopy("c2", new SourceRef("inbox", "Inbox"), null),
            new StoryCopy("c3", new SourceRef("feed", "Feed"), "javascript:alert(1)")));
  }

  @Test
  void atomLinksEachOtherCopyAsRelatedAndStaysValid() {
    List<Article> articles = List.of(withCopies());
    String xml = feeds.atom(SampleArticles.siteSpec(articles), articles); // validated by Feeds
    SyndEntry entry = Feeds.parse(xml).getEntries().get(0);

    List<SyndLink> related =
        entry.getLinks().stream().filter(l -> "related".equals(l.getRel())).toList();
    assertEquals(
        List.of(
            "https://daily.example/a?b=1&c=2",
            SampleArticles.PUBLIC_URL + "/articles/c2",
            SampleArticles.PUBLIC_URL + "/articles/c3"),
        related.stream().map(SyndLink::getHref).toList(),
        "a copy without a web URL links to its page here");
    assertEquals("Daily <script>\"&", related.get(0).getTitle());
  }

  @Test
  void theContentEndsNamingTheOtherSourcesEscaped() {
    List<Article> articles = List.of(withCopies());
    JsonObject item =
        new JsonObject(feeds.json(SampleArticles.siteSpec(articles), articles))
            .getJsonArray("items")
            .getJsonObject(0);
    String html = item.getString("content_html");

    assertTrue(html.startsWith("<p>A <b>randomised</b> trial found a rapid response.</p>"), html);
    assertTrue(
        html.endsWith(
            "<p class=\"also-in\">Also in: <a href=\"https://daily.example/a?b=1&amp;c=2\">"
                + "Daily &lt;script&gt;&quot;&amp;</a>, <a href=\""
                + SampleArticles.PUBLIC_URL
                + "/articles/c2\">Inbox</a>, <a href=\""
                + SampleArticles.PUBLIC_URL
                + "/articles/c3\">Feed</a></p>"),
        html);
    assertFalse(html.contains("javascript:"));
  }

  @Test
  void anArticleAloneGetsNoParagraphAndNoRelatedLink() {
    List<Article> articles = List.of(SampleArticles.ketamineTrial());
    String xml = feeds.atom(SampleArticles.siteSpec(articles), articles);
    assertFalse(xml.contains("rel=\"related\""));
    assertFalse(xml.contains("also-in"));
    String rss = feeds.rss(SampleArticles.siteSpec(articles), articles);
    assertFalse(rss.contains("also-in"));
  }
}
