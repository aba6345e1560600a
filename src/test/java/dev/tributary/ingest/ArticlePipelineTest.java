package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.extract.ExtractionException;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomySource;
import dev.tributary.topics.TopicTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The composed stages, without Vert.x: a sample file in, the tagged article out. */
class ArticlePipelineTest {
  static final Path SAMPLE = Path.of("samples/articles/000_4df5721ed5792e6c.txt");
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final TopicTagger TAGGER =
      new TopicTagger(TaxonomySource.load(TaxonomySource.DEFAULT_FILE));

  final ArticlePipeline pipeline =
      new ArticlePipeline(Clock.fixed(NOW, ZoneOffset.UTC), () -> TAGGER);

  static RawDocument sample() throws Exception {
    return ArticlePipeline.decode(
        SAMPLE.getFileName().toString(),
        Format.TEXT,
        Files.readAllBytes(SAMPLE),
        1 << 20,
        SourceRef.INBOX);
  }

  @Test
  void aSampleFileComesOutTitledTaggedAndWithItsKeyphrasesAsTags() throws Exception {
    ArticlePipeline.Tagged tagged = pipeline.process(sample());
    Article a = tagged.article();

    assertEquals("Embracing Hope: The Remarkable Promise of Ketamine in Mental Health", a.title());
    assertEquals(ArticleIds.forText(a.title() + "\n" + a.text()), a.id());
    assertEquals(NOW, a.published(), "no date given: published when ingested");
    assertEquals(NOW, a.ingested());
    // the hand labels of this sample (src/test/resources/topics/sample-labels.json)
    assertEquals(Set.of("anxiety", "depression", "ketamine"), slugs(a.topics()));
    List<String> keyphrases = TAGGER.tagging(a.title(), a.text(), 3).keyphrases();
    assertEquals(3, keyphrases.size());
    assertTrue(a.tags().containsAll(keyphrases), a.tags() + " holds the keyphrases " + keyphrases);
    assertEquals(TAGGER.terms(a.title(), a.text()), tagged.terms());
  }

  @Test
  void reTaggingAStoredArticleGivesTheTopicsItWasIngestedWith() throws Exception {
    Article ingested = pipeline.process(sample()).article();

    assertEquals(ingested.topics(), pipeline.topicsOf(ingested.withTopics(List.of())));
  }

  @Test
  void anEmptyFileIsBadInputAtDecoding() {
    var error =
        assertThrows(
            ExtractionException.class,
            () ->
                ArticlePipeline.decode(
                    "empty.txt", Format.TEXT, new byte[0], 100, SourceRef.INBOX));
    assertEquals("file is empty", error.getMessage());
  }

  @Test
  void aTaggerThatBreaksIsAFailureOfTheTaggingStageNotBadInput() throws Exception {
    ArticlePipeline broken =
        new ArticlePipeline(
            Clock.systemUTC(),
            () -> {
              throw new IllegalStateException("model gone");
            });

    var failure = assertThrows(ArticlePipeline.StageFailure.class, () -> broken.process(sample()));
    assertEquals("tagging", failure.stage());
    assertEquals(
        "tagging failed: java.lang.IllegalStateException: model gone", failure.getMessage());
  }

  @Test
  void theTaggerIsReadAgainForEachDocument() throws Exception {
    TopicTagger[] current = {TAGGER};
    ArticlePipeline live = new ArticlePipeline(Clock.systemUTC(), () -> current[0]);
    assertFalse(live.process(sample()).article().topics().isEmpty());

    current[0] = new TopicTagger(new Taxonomy(1, List.of(), List.of())); // e.g. a reload
    assertEquals(List.of(), live.process(sample()).article().topics());
  }

  static Set<String> slugs(List<ArticleTopic> topics) {
    Set<String> slugs = new TreeSet<>();
    for (ArticleTopic t : topics) slugs.add(t.slug());
    return slugs;
  }
}
