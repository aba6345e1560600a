package dev.tributary.article;

import java.time.Instant;
import java.util.List;

/**
 * The one article model every input ends in and every output reads from (the article in the
 * README's API section).
 *
 * @param id stable id derived from the dedup key (see {@link ArticleIds})
 * @param contentHtml sanitised HTML body
 * @param text the body as plain text, used for tagging, dedup and search; not part of the API
 * @param url canonical URL, or null
 * @param author byline, or null
 * @param topics topics above their threshold, best first
 * @param tags free tags: hashtags, source categories
 */
public record Article(
    String id,
    String title,
    String summary,
    String contentHtml,
    String text,
    String url,
    SourceRef source,
    String author,
    Instant published,
    Instant ingested,
    List<ArticleTopic> topics,
    List<String> tags) {

  public Article {
    topics = List.copyOf(topics);
    tags = List.copyOf(tags);
  }

  public Article withTopics(List<ArticleTopic> newTopics) {
    return new Article(
        id,
        title,
        summary,
        contentHtml,
        text,
        url,
        source,
        author,
        published,
        ingested,
        newTopics,
        tags);
  }

  public Article withTags(List<String> newTags) {
    return new Article(
        id,
        title,
        summary,
        contentHtml,
        text,
        url,
        source,
        author,
        published,
        ingested,
        topics,
        newTags);
  }

  public Article withPublished(Instant when) {
    return new Article(
        id, title, summary, contentHtml, text, url, source, author, when, ingested, topics, tags);
  }

  public Article withIngested(Instant when) {
    return new Article(
        id, title, summary, contentHtml, text, url, source, author, published, when, topics, tags);
  }
}
