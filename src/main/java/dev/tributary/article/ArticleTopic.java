package dev.tributary.article;

/** A topic an article was tagged with, and how strongly (score in [0,1]). */
public record ArticleTopic(String slug, String label, double score) {}
