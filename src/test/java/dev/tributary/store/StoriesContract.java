package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.article.SourceRef;
import dev.tributary.article.StoryCopy;
import dev.tributary.stories.StoryRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stories, as every store keeps them: a copy from another source joins the story of the first copy
 * to arrive, in one transaction with its insert; the timeline shows one entry per story unless
 * asked for every copy; re-grouping gives what arrival gave. Each store's test class extends this
 * with how to open that store ({@code SqliteStoriesTest}, {@code PostgresStoriesIT}).
 */
public abstract class StoriesContract extends StoreUnderTest {
  protected static final SourceRef WIRE = new SourceRef("wire", "Wire");
  protected static final SourceRef DAILY = new SourceRef("daily", "Daily");
  protected static final SourceRef WEEKLY = new SourceRef("weekly", "Weekly");

  /** Closes the store and opens the same database with these story rules. */
  protected abstract Store reopenWith(StoryRules rules) throws Exception;

  /** Paragraph n of a made-up text: 40 words that no other paragraph number shares in a row. */
  static String paragraph(int n) {
    Random random = new Random(n);
    return IntStream.range(0, 40)
        .mapToObj(i -> "w" + random.nextInt(5000))
        .collect(Collectors.joining(" "));
  }

  /** Paragraphs from..to (inclusive) of the made-up text, as an article's body. */
  protected static String paragraphs(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(StoriesContract::paragraph)
        .collect(Collectors.joining("\n\n"));
  }

  static int published = 0;

  protected static Article article(String id, SourceRef source, String text) {
    Instant when = Instant.parse("2026-03-01T12:00:00Z").plusSeconds(++published);
    return new Article(
        id,
        "Title of " + id,
        "summary",
        "<p>" + id + "</p>",
        text,
        "https://" + source.id() + ".example/" + id,
        source,
        null,
        when,
        when,
        List.of(),
        List.of());
  }

  /** A story's ten paragraphs, and copies of it cut short or with a paragraph left out. */
  protected static final String ORIGINAL = paragraphs(100, 109);

  protected static final String FIRST_SIXTY_PERCENT = paragraphs(100, 105);

  static final String MIDDLE_LEFT_OUT = paragraphs(100, 103) + "\n\n" + paragraphs(105, 109);

  private StoredArticle put(Article a) {
    return store.put(a);
  }

  private List<String> ids(List<StoryCopy> copies) {
    return copies.stream().map(StoryCopy::id).toList();
  }

  @Test
  void aCopyFromAnotherSourceJoinsTheStoryOfTheFirstToArrive() {
    put(article("original", WIRE, ORIGINAL));
    StoredArticle copy = put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));

    assertEquals("original", copy.article().storyId());
    assertEquals(
        List.of(new StoryCopy("original", WIRE, "https://wire.example/original")),
        copy.article().alsoIn());
    Article first = store.get("original").orElseThrow();
    assertEquals("original", first.storyId());
    assertEquals(List.of("cut-short"), ids(first.alsoIn()));
    assertEquals(DAILY, first.alsoIn().get(0).source());
  }

  @Test
  void anArticleAloneIsItsOwnStoryWithNoOtherCopies() {
    StoredArticle alone = put(article("alone", WIRE, ORIGINAL));
    put(article("other", DAILY, paragraphs(200, 209)));

    assertEquals("alone", alone.article().storyId());
    assertEquals(List.of(), store.get("alone").orElseThrow().alsoIn());
    assertEquals("other", store.get("other").orElseThrow().storyId());
  }

  @Test
  void aSourcesOwnNearCopyStaysAnArticleOfItsOwn() {
    put(article("first", WIRE, ORIGINAL));
    StoredArticle again = put(article("reissued", WIRE, MIDDLE_LEFT_OUT));

    assertEquals("reissued", again.article().storyId());
    assertEquals(List.of(), store.get("first").orElseThrow().alsoIn());
  }

  @Test
  void aSourcesOwnNearCopyInTheSameBatchStaysAnArticleOfItsOwn() {
    var first = article("first", WIRE, ORIGINAL);
    var reissued = article("reissued", WIRE, MIDDLE_LEFT_OUT);
    var unrelated = article("unrelated", DAILY, paragraphs(400, 409));

    List<StoredArticle> stored =
        store.putAll(List.of(first, reissued, unrelated)).stream().map(PutResult::stored).toList();

    assertEquals(
        List.of("first", "reissued", "unrelated"),
        stored.stream().map(s -> s.article().storyId()).toList());
    assertTrue(stored.stream().allMatch(s -> s.article().alsoIn().isEmpty()));
    assertEquals("reissued", store.get("reissued").orElseThrow().storyId());
  }

  @Test
  void aStoryHoldsAtMostOneArticlePerSource() {
    put(article("wire", WIRE, ORIGINAL));
    put(article("daily", DAILY, FIRST_SIXTY_PERCENT));
    StoredArticle second = put(article("daily-again", DAILY, MIDDLE_LEFT_OUT));

    assertEquals("daily-again", second.article().storyId());
    assertEquals(List.of("daily"), ids(store.get("wire").orElseThrow().alsoIn()));
  }

  @Test
  void copiesInOneBatchAreOneStoryAndEachNamesTheOthers() {
    List<PutResult> results =
        store.putAll(
            List.of(
                article("original", WIRE, ORIGINAL),
                article("cut-short", DAILY, FIRST_SIXTY_PERCENT),
                article("unrelated", WEEKLY, paragraphs(300, 309)),
                article("middle-out", WEEKLY, MIDDLE_LEFT_OUT)));

    List<String> stories = results.stream().map(r -> r.stored().article().storyId()).toList();
    assertEquals(List.of("original", "original", "unrelated", "original"), stories);
    assertEquals(
        List.of("cut-short", "middle-out"), ids(results.get(0).stored().article().alsoIn()));
    assertEquals(List.of("original", "cut-short"), ids(results.get(3).stored().article().alsoIn()));
  }

  @Test
  void theTimelineShowsOneEntryPerStoryUnlessAskedForEveryCopy() {
    put(article("original", WIRE, ORIGINAL));
    put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));
    put(article("other", WEEKLY, paragraphs(400, 409)));

    List<Article> one = store.timeline(TimelineQuery.newest(10)).items();
    assertEquals(List.of("other", "original"), one.stream().map(Article::id).toList());
    assertEquals(List.of("cut-short"), ids(one.get(1).alsoIn()));

    List<Article> all =
        store.timeline(new TimelineQuery(List.of(), null, null, null, 10, null, true)).items();
    assertEquals(List.of("other", "cut-short", "original"), all.stream().map(Article::id).toList());
    assertEquals(List.of("original"), ids(all.get(1).alsoIn()));

    List<Article> daily =
        store.timeline(new TimelineQuery(List.of(), "daily", null, null, 10, null)).items();
    assertEquals(List.of("cut-short"), daily.stream().map(Article::id).toList());
  }

  @Test
  void anArticleBridgingTwoStoriesMergesThemUnderTheFirstToArrive() {
    // The two copies share a third of the shorter: too little to be one story by themselves.
    put(article("opening", DAILY, paragraphs(100, 105)));
    put(article("ending", WEEKLY, paragraphs(104, 109)));
    assertEquals("ending", store.get("ending").orElseThrow().storyId());

    StoredArticle whole = put(article("whole", WIRE, ORIGINAL));

    assertEquals("opening", whole.article().storyId());
    assertEquals(List.of("opening", "ending"), ids(whole.article().alsoIn()));
    assertEquals("opening", store.get("ending").orElseThrow().storyId());
    assertEquals(
        List.of("opening"),
        store.timeline(TimelineQuery.newest(10)).items().stream().map(Article::id).toList(),
        "one entry for the merged story: its first copy");
  }

  @Test
  void aLongArticleQuotingTwoUnrelatedOnesWholeDoesNotMakeThemOneStory() {
    put(article("first-brief", DAILY, paragraphs(100, 103)));
    put(article("second-brief", WEEKLY, paragraphs(106, 109)));

    put(article("roundup", WIRE, ORIGINAL));

    assertFalse(
        store
            .get("first-brief")
            .orElseThrow()
            .storyId()
            .equals(store.get("second-brief").orElseThrow().storyId()));
  }

  @Test
  void aTooShortTextIsNeverACopy() {
    String shortText = "The council met on Tuesday and approved the plan for the park.";
    put(article("short", WIRE, shortText));
    StoredArticle same = put(article("short-too", DAILY, shortText + " Cheers."));

    assertEquals("short-too", same.article().storyId());
  }

  @Test
  void aDuplicateIsAnsweredWithItsStory() {
    put(article("original", WIRE, ORIGINAL));
    put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));

    StoredArticle again = put(article("original", WIRE, ORIGINAL));

    assertFalse(again.created());
    assertEquals(List.of("cut-short"), ids(again.article().alsoIn()));
  }

  @Test
  void theReplayCarriesEveryCopyWithItsStory() {
    put(article("original", WIRE, ORIGINAL));
    put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));

    List<StoredArticle> replay = store.storedAfter(new ReplayQuery(0, List.of(), 10)).items();

    assertEquals(2, replay.size());
    assertEquals("original", replay.get(1).article().storyId());
    assertEquals(List.of("original"), ids(replay.get(1).article().alsoIn()));
  }

  @Test
  void withDetectionOffEveryArticleIsItsOwnStory() throws Exception {
    store = reopenWith(new StoryRules(false, StoryRules.DEFAULT_THRESHOLD));
    put(article("original", WIRE, ORIGINAL));
    StoredArticle copy = put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));

    assertEquals("cut-short", copy.article().storyId());
  }

  @Test
  void regroupingUnderANewThresholdGroupsAsArrivalWouldHave() throws Exception {
    put(article("original", WIRE, ORIGINAL));
    put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));
    put(article("lost-a-paragraph", WEEKLY, MIDDLE_LEFT_OUT));
    // shares half of its text with the original (and no more with the copies): one story at 0.4,
    // not at 0.6
    String half =
        String.join("\n\n", paragraphs(100, 102), paragraphs(107, 108), paragraphs(500, 504));
    put(article("half", new SourceRef("monthly", "Monthly"), half));
    assertEquals("original", store.get("half").orElseThrow().storyId());

    store = reopenWith(new StoryRules(true, 0.6));
    List<StoriesRegrouped> steps = regroupAll(2);

    assertEquals(List.of(2, 2, 0), steps.stream().map(StoriesRegrouped::articles).toList());
    assertEquals(2, steps.stream().mapToInt(StoriesRegrouped::copies).sum());
    assertEquals("half", store.get("half").orElseThrow().storyId());
    assertEquals(
        List.of("cut-short", "lost-a-paragraph"),
        ids(store.get("original").orElseThrow().alsoIn()));

    store = reopenWith(StoryRules.DEFAULT);
    regroupAll(500);
    assertEquals("original", store.get("half").orElseThrow().storyId());
    assertEquals(3, store.get("original").orElseThrow().alsoIn().size());
  }

  @Test
  void clearingForgetsEveryStory() {
    put(article("original", WIRE, ORIGINAL));
    put(article("cut-short", DAILY, FIRST_SIXTY_PERCENT));

    store.clearStories();

    assertEquals("cut-short", store.get("cut-short").orElseThrow().storyId());
    assertEquals(List.of(), store.get("original").orElseThrow().alsoIn());
    StoredArticle later = put(article("middle-out", WEEKLY, MIDDLE_LEFT_OUT));
    assertEquals("middle-out", later.article().storyId(), "no buckets are left to find them by");
  }

  private List<StoriesRegrouped> regroupAll(int limit) {
    store.clearStories();
    List<StoriesRegrouped> steps = new ArrayList<>();
    long after = 0;
    StoriesRegrouped step;
    do {
      step = store.regroupStories(after, limit);
      steps.add(step);
      after = step.throughSeq();
    } while (step.articles() > 0);
    assertTrue(steps.size() > 1);
    return steps;
  }
}
