package dev.tributary.stories;

/**
 * When two articles are one story ({@code stories.*} in docs/CONFIGURATION.md).
 *
 * @param enabled {@code stories.enabled}: whether new articles are grouped at all; off, each is its
 *     own story and no band keys are kept
 * @param threshold {@code stories.threshold}: the least {@link Shingles#containment} of the shorter
 *     article's shingles in the other's for the two to be one story
 */
public record StoryRules(boolean enabled, double threshold) {
  /**
   * Chosen on the labelled set in src/test/resources/stories (docs/CONFIGURATION.md says how): the
   * copies there are contained 0.62 or more, independent reports of one event 0.12 or less.
   */
  public static final double DEFAULT_THRESHOLD = 0.4;

  public static final StoryRules DEFAULT = new StoryRules(true, DEFAULT_THRESHOLD);

  public StoryRules {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1");
    }
  }

  public boolean sameStory(double containment) {
    return containment >= threshold;
  }
}
