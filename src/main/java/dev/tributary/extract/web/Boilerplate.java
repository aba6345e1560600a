package dev.tributary.extract.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What surrounds an article rather than being it: navigation, sidebars, comments, share buttons,
 * related links, promotions and ads, recognised by element name, ARIA role, and the words in class
 * and id names.
 */
final class Boilerplate {
  private Boilerplate() {}

  /** Elements that never carry article text, or that we will not carry. */
  static final String NEVER_CONTENT =
      "script, style, noscript, template, link, meta, nav, aside, form, button, input, select,"
          + " textarea, label, iframe, frame, frameset, object, embed, applet, svg, canvas, dialog,"
          + " [role=navigation], [role=complementary], [role=contentinfo], [role=banner],"
          + " [role=search], [role=dialog], [hidden], [aria-hidden=true],"
          + " [style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden]";

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z0-9]+");

  private static final Set<String> BOILERPLATE_WORDS =
      Set.of(
          "ad",
          "ads",
          "adv",
          "advert",
          "advertisement",
          "advertising",
          "banner",
          "breadcrumb",
          "breadcrumbs",
          "comment",
          "comments",
          "commentlist",
          "cookie",
          "cookies",
          "disqus",
          "footer",
          "gdpr",
          "masthead",
          "menu",
          "modal",
          "nav",
          "navbar",
          "navigation",
          "newsletter",
          "outbrain",
          "pager",
          "pagination",
          "popup",
          "promo",
          "promotion",
          "promoted",
          "recommended",
          "related",
          "remark",
          "replies",
          "share",
          "sharing",
          "shoutbox",
          "sidebar",
          "signup",
          "skyscraper",
          "social",
          "sponsor",
          "sponsored",
          "subscribe",
          "subscription",
          "taboola",
          "tags",
          "toolbar",
          "trending",
          "widget");

  private static final Set<String> CONTENT_WORDS =
      Set.of(
          "article",
          "articlebody",
          "blog",
          "body",
          "content",
          "entry",
          "hentry",
          "main",
          "post",
          "story",
          "text");

  /** Positive for names that suggest content, negative for boilerplate, 0 for neither or both. */
  static int classWeight(Element element) {
    int weight = 0;
    for (String name : new String[] {element.className(), element.id()}) {
      if (hasWord(name, BOILERPLATE_WORDS)) weight -= 25;
      if (hasWord(name, CONTENT_WORDS)) weight += 25;
    }
    return weight;
  }

  /** Named as boilerplate and not also as content. */
  static boolean isNamedBoilerplate(Element element) {
    String names = element.className() + " " + element.id();
    return hasWord(names, BOILERPLATE_WORDS) && !hasWord(names, CONTENT_WORDS);
  }

  /**
   * The words of a class or id list: "article-comments__list" has "article", "comments" and "list";
   * "relatedLinks" has "related" and "links".
   */
  static boolean hasWord(String names, Set<String> words) {
    if (names.isBlank()) return false;
    String spaced = CAMEL_HUMP.matcher(names).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
    for (String word : NOT_A_LETTER.split(spaced)) {
      if (words.contains(word)) return true;
    }
    return false;
  }
}
