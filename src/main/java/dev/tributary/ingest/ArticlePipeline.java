package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleIds.NormalText;
import dev.tributary.article.ArticleTopic;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.extract.ArticleExtractor;
import dev.tributary.extract.ExtractedArticle;
import dev.tributary.extract.ExtractionException;
import dev.tributary.store.PutRequest;
import dev.tributary.stories.StoryRules;
import dev.tributary.stories.StorySketch;
import dev.tributary.topics.Keyphrases;
import dev.tributary.topics.TermCounts;
import dev.tributary.topics.TopicTagger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stages one document goes through before it is stored, composed in this one place: decode →
 * extract → assemble → tag → keyphrases → story sketch. The server's pipeline workers ({@link
 * PipelineVerticle}), {@code tributary ingest} and re-tagging ({@link Retagging}, {@code tributary
 * retag}) all call these, so an article is the same whichever way it came in. Knows nothing of
 * Vert.x.
 *
 * <p>Thread-safe: the extractor and assembler keep no state between documents, and the tagger is an
 * immutable snapshot read once per document from the supplier (the live model swaps it when the
 * taxonomy is reloaded or an example taught), so any number of threads may run documents at once.
 */
public final class ArticlePipeline {
  private final ArticleExtractor extractor = new ArticleExtractor();
  private final ArticleAssembler assembler;
  private final Supplier<TopicTagger> tagger;
  private final boolean sketchStories;

  /**
   * @param clock the time an article is ingested (and published, when its input gives no date)
   * @param tagger the current tagger; read once per document
   * @param stories the store's story rules: when detection is on, each article's {@link
   *     StorySketch} is made here, on the pipeline's threads, not on the store's one writer
   */
  public ArticlePipeline(Clock clock, Supplier<TopicTagger> tagger, StoryRules stories) {
    this.assembler = new ArticleAssembler(clock);
    this.tagger = tagger;
    this.sketchStories = stories.enabled();
  }

  /** A pipeline under the default story rules. */
  public ArticlePipeline(Clock clock, Supplier<TopicTagger> tagger) {
    this(clock, tagger, StoryRules.DEFAULT);
  }

  /** A pipeline over one fixed tagger, on the system clock. */
  public static ArticlePipeline over(TopicTagger tagger) {
    return new ArticlePipeline(Clock.systemUTC(), () -> tagger);
  }

  /**
   * An article ready for the store (with its dedup hash, and its story sketch when detection is
   * on), its bag of words (what the corpus statistics count once the store says it is new) and how
   * long tagging it took.
   */
  public record Tagged(PutRequest toStore, TermCounts terms, Duration tagging) {
    public Article article() {
      return toStore.article();
    }
  }

  /**
   * A stage failed for a reason of ours, not the document's: a bug to report as a 500, not bad
   * input. Bad input is an {@link ExtractionException}.
   */
  public static final class StageFailure extends RuntimeException {
    private final String stage;

    StageFailure(String stage, RuntimeException cause) {
      super(stage + " failed: " + cause, cause);
      this.stage = stage;
    }

    /** {@code extraction} or {@code tagging}. */
    public String stage() {
      return stage;
    }
  }

  /**
   * Decoding: a file's bytes as a document of the given format (UTF-8 only, BOM dropped, CRLF → LF,
   * binary refused).
   *
   * @throws ExtractionException when the bytes are empty, over {@code maxBytes}, binary or not
   *     UTF-8
   */
  public static RawDocument decode(
      String name, Format format, byte[] bytes, long maxBytes, SourceRef source)
      throws ExtractionException {
    return RawDocument.of(name, format, BodyDecoder.decode(bytes, maxBytes), source);
  }

  /**
   * Every stage after decoding: the document extracted, assembled and tagged.
   *
   * @throws ExtractionException when the document is bad input (nothing to extract, spam, …)
   * @throws StageFailure when a stage fails for a reason of ours
   */
  public Tagged process(RawDocument doc) throws ExtractionException {
    Article draft;
    NormalText normal;
    try {
      ExtractedArticle extracted = extractor.extract(doc.format(), doc.body(), doc.titleHint());
      normal = NormalText.of(extracted.plainText());
      draft = assembler.assemble(doc, extracted, normal);
    } catch (RuntimeException e) {
      throw new StageFailure("extraction", e);
    }
    try {
      return tag(draft, normal.contentHash());
    } catch (RuntimeException e) {
      throw new StageFailure("tagging", e);
    }
  }

  /** Extraction and assembly: the document as an untagged article with its stable id. */
  public Article extract(RawDocument doc) throws ExtractionException {
    return assembler.assemble(doc, extractor.extract(doc.format(), doc.body(), doc.titleHint()));
  }

  /** Tagging: the draft's topics, and its keyphrases added to its tags, in one analysis. */
  public Tagged tag(Article draft) {
    return tag(draft, ArticleIds.contentHash(draft.text()));
  }

  private Tagged tag(Article draft, String contentHash) {
    long started = System.nanoTime();
    TopicTagger.Tagging tagging =
        tagger.get().tagging(draft.title(), draft.text(), Keyphrases.PER_ARTICLE);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Article tagged =
        draft
            .withTopics(tagging.topics())
            .withTags(Keyphrases.mergeInto(draft.tags(), tagging.keyphrases()));
    StorySketch sketch = sketchStories ? StorySketch.of(tagged.text()) : null;
    PutRequest request = new PutRequest(tagged, contentHash, sketch);
    return new Tagged(request, tagging.terms(), took);
  }

  /**
   * Re-tagging a stored article: its topics under the current taxonomy and examples. Its free tags
   * (keyphrases included) stay as they were at ingest.
   */
  public List<ArticleTopic> topicsOf(Article stored) {
    return tagger.get().tag(stored.title(), stored.text());
  }
}
