package dev.tributary.extract.web;

import dev.tributary.extract.HtmlSanitizer;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a fetched web page as an article: its title, canonical URL, author, publication date and
 * site name from the page's metadata, and its main content found by a Readability-style scorer,
 * sanitised, with links made absolute. A pure function of the HTML and the URL it came from; safe
 * to share between threads.
 *
 * <p>Maven Central's Readability port (net.dankito.readability4j) was considered and left out: its
 * last release (1.0.8, 2021) is built against jsoup 1.11 and Kotlin 1.3, and the scorer here is
 * small enough to own.
 */
public final class WebPageExtractor {

  private final HtmlSanitizer sanitizer;

  public WebPageExtractor() {
    this(new HtmlSanitizer());
  }

  public WebPageExtractor(HtmlSanitizer sanitizer) {
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
  }

  /**
   * The article in {@code html}.
   *
   * @param html the page as fetched (already decoded to text); {@code null} reads as an empty page
   * @param pageUrl the absolute URL the page was fetched from (after redirects): relative links,
   *     the canonical URL and the site's host are resolved against it
   */
  public WebPage extract(String html, String pageUrl) {
    String url = pageUrl == null ? "" : pageUrl.strip();
    Document document = Jsoup.parse(html == null ? "" : html, url);
    MetaTags meta = MetaTags.of(document);
    JsonLd jsonLd = JsonLd.of(document);

    String siteName =
        Texts.firstWithText(meta.first("og:site_name", "application-name"), jsonLd.publisherName());
    String title =
        Texts.firstWithText(
            PageTitle.of(document, meta, siteName, PageUrls.host(url)), jsonLd.headline());

    Element content = MainContent.of(document, title);
    String contentHtml = sanitizer.sanitize(content.html());

    return new WebPage(
        title,
        CanonicalUrl.of(document, meta, url),
        Byline.of(document, meta, jsonLd),
        PublicationDate.of(document, meta, jsonLd),
        contentHtml,
        PlainText.of(contentHtml),
        siteName);
  }
}
