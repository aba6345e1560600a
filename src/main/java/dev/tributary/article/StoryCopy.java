package dev.tributary.article;

/**
 * Another copy of an article's story: the same story as it came from another source
 * (docs/ARCHITECTURE.md, "Stories"; {@code alsoIn}).
 *
 * @param id the copy's article id
 * @param url the copy's canonical URL, or null
 */
public record StoryCopy(String id, SourceRef source, String url) {}
