package dev.tributary.store;

/**
 * A labelled example of a topic: a text an operator says is about it.
 *
 * @param articleId the stored article it was taken from, or null for a text given directly
 */
public record TopicExample(String slug, String title, String text, String articleId) {}
