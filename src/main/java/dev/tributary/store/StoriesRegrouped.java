package dev.tributary.store;

/**
 * What one step of re-grouping did ({@link Store#regroupStories}).
 *
 * @param articles articles grouped in this step; 0 when none was left
 * @param copies how many of them joined an earlier article's story
 * @param throughSeq the sequence number of the last one, where the next step starts
 */
public record StoriesRegrouped(int articles, int copies, long throughSeq) {}
