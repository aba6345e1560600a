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
 * @param storyId the story the article belongs to: the id of the story's first copy to arrive (its
 *     own id when it is alone or the first)
 * @param alsoIn the story's other copies, from other sources, first arrived first; empty when it is
 *     alone
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
    List<String> tags,
    String storyId,
    List<StoryCopy> alsoIn) {

  public Article {
    topics = List.copyOf(topics);
    tags = List.copyOf(tags);
    if (storyId == null) storyId = id;
    alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
  }

  /** An article alone in its story (its story is its own id, no other copies). */
  public Article(
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
    this(
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
        tags,
        id,
        List.of());
  }

  /** Whether the article is its story's first copy (also when it is alone). */
  public boolean leadsItsStory() {
    return storyId.equals(id);
  }

  public Article withStory(String newStoryId, List<StoryCopy> copies) {
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
        tags,
        newStoryId,
        copies);
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
        tags,
        storyId,
        alsoIn);
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
        newTags,
        storyId,
        alsoIn);
  }

  public Article withPublished(Instant when) {
    return new Article(
        id, title, summary, contentHtml, text, url, source, author, when, ingested, topics, tags);
  }

  public Article withIngested(Instant when) {
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
        when,
        topics,
        tags,
        storyId,
        alsoIn);
  }
}
