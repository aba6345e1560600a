package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The scorer on small pages, each showing one rule. */
class MainContentTest {

  private static final String PROSE =
      "<p>Rivers, like roads, need looking after, and the council has finally agreed to pay for"
          + " it, after three years of argument, petitions and public meetings.</p>";

  private static String content(String html) {
    Document page = Jsoup.parse(html, "https://site.example/a/page");
    return MainContent.of(page, null).text();
  }

  @Test
  void prefersTheArticleWithTheMostTextOverTeaserCards() {
    String text =
        content(
            "<article><h2>Teaser</h2><p>Short teaser text here.</p></article>"
                + "<article>"
                + PROSE
                + PROSE.replace("Rivers", "Canals")
                + "</article>"
                + "<article><p>Another teaser that is short.</p></article>");
    assertTrue(text.startsWith("Rivers"), text);
    assertTrue(text.contains("Canals"), text);
    assertFalse(text.contains("teaser"), text);
  }

  @Test
  void usesTheElementMarkedAsArticleBody() {
    String text =
        content(
            "<div><p>Intro blurb outside the body, with commas, commas, commas and more"
                + " commas, to tempt the scorer.</p><div itemprop=\"articleBody\">"
                + PROSE
                + "</div></div>");
    assertTrue(text.startsWith("Rivers"), text);
    assertFalse(text.contains("Intro blurb"), text);
  }

  @Test
  void keepsAWrapperNamedForItsSidebarWhenItHoldsTheArticle() {
    String text =
        content(
            "<div class=\"layout with-sidebar\"><div class=\"col\">"
                + PROSE
                + PROSE
                + "</div></div>");
    assertTrue(text.contains("Rivers, like roads"), text);
  }

  @Test
  void picksTheColumnWithTheProseOverTheOneWithTheLinks() {
    String links =
        "<div class=\"col\"><p><a href=\"/1\">A list of links that are long enough to"
            + " count, one</a></p><p><a href=\"/2\">A list of links that are long enough"
            + " to count, two</a></p></div>";
    String text = content("<div>" + links + "<div class=\"col\">" + PROSE + PROSE + "</div></div>");
    assertTrue(text.contains("Rivers"), text);
    assertFalse(text.contains("A list of links"), text);
  }

  @Test
  void keepsSiblingParagraphsThatReadAsProse() {
    String text =
        content(
            "<div id=\"x\"><div>"
                + PROSE
                + PROSE
                + PROSE
                + "</div><p>A closing line that sits outside the main block, but belongs to"
                + " it all the same.</p><p><a href=\"/more\">More from this section and"
                + " elsewhere on the site today</a></p></div>");
    assertTrue(text.contains("A closing line"), text);
    assertFalse(text.contains("More from this section"), text);
  }

  @Test
  void readsDivsWithoutParagraphsAsParagraphs() {
    String text =
        content(
            "<div class=\"menu\"><a href=\"/\">Home</a></div><div class=\"story\">"
                + "<div>Old sites put their text straight into divs, with line breaks,<br>"
                + "and no paragraphs at all, which readers must still find.</div></div>");
    assertTrue(text.startsWith("Old sites"), text);
    assertFalse(text.contains("Home"), text);
  }

  @Test
  void dropsAHeadingThatRepeatsTheTitle() {
    Document page = Jsoup.parse("<article><h1>River plan!</h1>" + PROSE + PROSE + "</article>");
    assertEquals(0, MainContent.of(page, "River plan").select("h1").size());
  }

  @Test
  void leavesThePageItWasGivenAsItWas() {
    Document page = Jsoup.parse("<nav>Menu</nav><article>" + PROSE + PROSE + "</article>");
    String before = page.outerHtml();
    MainContent.of(page, null);
    assertEquals(before, page.outerHtml());
  }
}
