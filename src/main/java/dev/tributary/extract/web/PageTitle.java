package dev.tributary.extract.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's headline: og:title, twitter:title, the {@code <title>} without the site's name
 * appended to it, then the first {@code <h1>}.
 */
final class PageTitle {
  private PageTitle() {}

  /** " | ", " - ", " — " and the other marks that join a headline to a site's name. */
  private static final String SEPARATOR = "\\s+(?:\\||-|\u2013|\u2014|\u00B7|\u2022|::|\u00BB)\\s+";

  private static final Pattern ENDS_WITH_PART = Pattern.compile("^(.+)" + SEPARATOR + "(.+?)$");
  private static final Pattern STARTS_WITH_PART = Pattern.compile("^(.+?)" + SEPARATOR + "(.+)$");

  static String of(Document document, MetaTags meta, String siteName, String host) {
    String title =
        Texts.firstWithText(
            meta.first("og:title"),
            meta.first("twitter:title"),
            withoutSiteName(Texts.squash(document.title()), siteName, host));
    if (title != null) return title;
    Element h1 = document.selectFirst("h1");
    return h1 == null ? null : Texts.squash(h1.text());
  }

  /** The title without a leading or trailing part that names the site. */
  static String withoutSiteName(String title, String siteName, String host) {
    if (title == null) return null;
    Matcher last = ENDS_WITH_PART.matcher(title);
    if (last.matches() && namesSite(last.group(2), siteName, host)) return last.group(1).strip();
    Matcher first = STARTS_WITH_PART.matcher(title);
    if (first.matches() && namesSite(first.group(1), siteName, host)) {
      return first.group(2).strip();
    }
    return title;
  }

  private static boolean namesSite(String part, String siteName, String host) {
    String name = letters(part);
    if (name.isEmpty()) return false;
    return (siteName != null && name.equals(letters(siteName)))
        || (host != null && (name.equals(letters(host)) || name.equals(letters(hostName(host)))));
  }

  /** "example" for "example.co.uk": the name people write the site as. */
  private static String hostName(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
