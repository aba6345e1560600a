package dev.tributary.extract.web;

import java.time.Instant;

/**
 * What a fetched web page says about itself, and its readable body.
 *
 * @param title the page's headline; {@code null} when the page names none
 * @param canonicalUrl the absolute URL the page calls its own, else the URL it was fetched from
 * @param author the byline as written (several authors joined by ", "); {@code null} if unknown
 * @param published when the page says it was first published; {@code null} if it does not say
 * @param contentHtml the main content, sanitised, with every link and image URL absolute
 * @param plainText the main content as text, one paragraph per blank-line-separated block
 * @param siteName the publication's name (og:site_name or JSON-LD publisher); {@code null} if
 *     unknown
 */
public record WebPage(
    String title,
    String canonicalUrl,
    String author,
    Instant published,
    String contentHtml,
    String plainText,
    String siteName) {}
