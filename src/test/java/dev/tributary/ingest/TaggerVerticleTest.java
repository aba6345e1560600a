package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Codecs;
import dev.tributary.bus.IngestGate;
import dev.tributary.bus.IngestGates;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.PutRequest;
import dev.tributary.store.ReplayBatch;
import dev.tributary.store.StoreVerticle;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomySource;
import dev.tributary.topics.TermCounts;
import dev.tributary.topics.TopicExplanation;
import dev.tributary.topics.TopicModel;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The tagger verticle's topic model at start-up, on a real event bus over a real store. */
@ExtendWith(VertxExtension.class)
class TaggerVerticleTest {
  static final Path TOPICS = TaxonomySource.DEFAULT_FILE;

  @TempDir Path dir;
  Vertx vertx;
  Taxonomy taxonomy;
  final List<Article> stored = new ArrayList<>();

  @BeforeEach
  void startStore(Vertx vertx) throws Exception {
    this.vertx = vertx;
    Codecs.register(vertx);
    taxonomy = TaxonomySource.load(TOPICS);
    await(
        vertx.deployVerticle(
            new StoreVerticle(() -> SqliteStore.open(dir), new TributaryMetrics()), worker()));
  }

  static DeploymentOptions worker() {
    return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static Article article(String title, String text) {
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    return new Article(
        ArticleIds.forText(text),
        title,
        "",
        "<p>" + text + "</p>",
        text,
        null,
        SourceRef.INBOX,
        null,
        at,
        at,
        List.of(),
        List.of());
  }

  void store(Article a) throws Exception {
    await(vertx.eventBus().request(Addresses.STORE_PUT, PutRequest.of(a)));
    stored.add(a);
  }

  TaggerVerticle deployTagger() throws Exception {
    TaggerVerticle tagger = new TaggerVerticle(taxonomy, TOPICS);
    deployments.add(await(vertx.deployVerticle(tagger, worker())));
    return tagger;
  }

  /** Pipeline workers over the tagger's model, as {@code Tributary} deploys them. */
  void deployPipeline(TaggerVerticle tagger, int workers) throws Exception {
    ArticlePipeline pipeline = new ArticlePipeline(java.time.Clock.systemUTC(), tagger::tagger);
    await(
        PipelineVerticle.deploy(
            vertx,
            workers,
            pipeline,
            new TributaryMetrics(),
            new IngestGates(List.of(new IngestGate("test", 1, 0)))));
  }

  final List<String> deployments = new ArrayList<>();

  /** Stops the tagger as a shutdown does: its stop runs, the store stays. */
  void undeployTagger() throws Exception {
    await(vertx.undeploy(deployments.remove(deployments.size() - 1)));
  }

  /** Articles the store sends back in replay batches, and whether a last (short) batch was seen. */
  record Replays(AtomicInteger articles, AtomicBoolean lastBatchSeen) {}

  Replays countReplayedArticles() {
    Replays replays = new Replays(new AtomicInteger(), new AtomicBoolean());
    vertx
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              if (delivery.message().body() instanceof ReplayBatch batch) {
                replays.articles().addAndGet(batch.items().size());
                if (batch.items().size() < CorpusKeeper.BATCH) replays.lastBatchSeen().set(true);
              }
              delivery.next();
            });
    return replays;
  }

  /** Deploys a tagger and waits until its start-up load has read its last batch of articles. */
  TaggerVerticle restartTagger(Replays replays) throws Exception {
    TaggerVerticle tagger = deployTagger();
    TestServer.awaitCondition("the start-up load's last read", () -> replays.lastBatchSeen().get());
    roundTripThroughTheTagger();
    return tagger;
  }

  /**
   * Stores a tagged article and has the tagger count it, as a pipeline worker does: the put, then
   * {@code tributary.topics.count-stored} with the article's terms.
   */
  StoredArticle tag(Article a) throws Exception {
    StoredArticle s =
        (StoredArticle)
            await(vertx.eventBus().request(Addresses.STORE_PUT, PutRequest.of(a))).body();
    TermCounts terms = new TopicModel(taxonomy).tagger().terms(a.title(), a.text());
    await(vertx.eventBus().request(Addresses.TOPICS_COUNT_STORED, new StoredTerms(s.seq(), terms)));
    stored.add(a);
    return s;
  }

  /** Waits until the tagger's thread has done everything queued on it so far. */
  void roundTripThroughTheTagger() throws Exception {
    JsonObject unknownTopic = new JsonObject().put("slug", "no-such-topic");
    try {
      await(vertx.eventBus().request(Addresses.TOPICS_ADD_EXAMPLES, unknownTopic));
    } catch (ExecutionException expected) {
      // 404: answered on the tagger's thread, after what was queued before it
    }
  }

  static final List<TopicExample> EXAMPLES =
      List.of(
          new TopicExample(
              "anxiety",
              "Worry at night",
              "Patients in the clinic describe worry, racing thoughts and panic at night.",
              null),
          new TopicExample(
              "anxiety",
              "Panic in the clinic",
              "The clinic sees patients with panic, dread and constant worry every week.",
              null));

  @Test
  void theExampleModelIsBuiltWithTheStoredCorpusStatisticsOnceTheyLoad() throws Exception {
    for (int i = 0; i < 12; i++) {
      store(article("Clinic note " + i, "Patients in the clinic, visit " + i + ", week " + i));
    }
    await(vertx.eventBus().request(Addresses.STORE_ADD_EXAMPLES, new TopicExamples(EXAMPLES)));
    deployTagger();

    // What the model must say: the corpus counted first, then the examples weighed with it.
    TopicModel expected = new TopicModel(taxonomy);
    for (Article a : stored) expected.corpus().add(expected.tagger().terms(a.title(), a.text()));
    ExampleTeacher.teach(expected, EXAMPLES);
    // Words the corpus makes common (patients, clinic) weigh less once it is counted: with every
    // IDF at 1 this probe scores 0.895, with the corpus's 0.943.
    Article probe = article("Clinic", "Patients in the clinic talk about worry.");
    double want = examplesScore(expected.tagger().explain(probe.title(), probe.text()));

    TestServer.awaitCondition(
        "the example score " + want + " of a model built after the corpus statistics",
        () -> want == explainedExamplesScore(probe));
  }

  static double examplesScore(List<TopicExplanation> explanations) {
    return explanations.stream()
        .filter(e -> e.slug().equals("anxiety"))
        .findFirst()
        .orElseThrow()
        .examples();
  }

  double explainedExamplesScore(Article probe) {
    try {
      JsonArray topics =
          (JsonArray) await(vertx.eventBus().request(Addresses.TOPICS_EXPLAIN, probe)).body();
      for (Object t : topics) {
        JsonObject topic = (JsonObject) t;
        if (topic.getString("slug").equals("anxiety")) return topic.getDouble("examples");
      }
      throw new AssertionError("no anxiety in " + topics);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anArticleStoredWhileTheCorpusLoadsIsCountedOnce() throws Exception {
    store(article("First", "Ketamine clinic opens in the city centre."));
    store(article("Second", "Nasal spray approved for depression."));
    AtomicReference<DeliveryContext<Object>> heldLoad = new AtomicReference<>();
    vertx
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              boolean firstLoadRequest =
                  delivery.message().address().equals(Addresses.STORE_REPLAY)
                      && heldLoad.compareAndSet(null, delivery);
              if (!firstLoadRequest) delivery.next();
            });
    // The tagger's start waits for the load, so an instance's own pipeline never stores while it
    // runs; another writer of the store (tributary ingest, another instance) still can
    TaggerVerticle tagger = new TaggerVerticle(taxonomy, TOPICS);
    var deployment = vertx.deployVerticle(tagger, worker());
    TestServer.awaitCondition("the corpus load to start", () -> heldLoad.get() != null);

    deployPipeline(tagger, 1);
    RawDocument live =
        RawDocument.of(
            "third.txt",
            Format.TEXT,
            "Third\n\nA ketamine trial for anxiety begins in spring.",
            SourceRef.INBOX);
    StoredArticle third =
        (StoredArticle) await(vertx.eventBus().request(Addresses.PIPELINE, live)).body();
    assertTrue(third.created());
    assertEquals(1, tagger.model().corpus().documents(), "the live article, counted as it came");

    assertFalse(deployment.isComplete(), "the tagger is not started while the load runs");
    heldLoad.get().next(); // the load now reads all three stored articles
    deployments.add(await(deployment));
    TestServer.awaitCondition(
        "the load to count the stored articles", () -> tagger.model().corpus().documents() >= 3);
    roundTripThroughTheTagger();
    assertEquals(3, tagger.model().corpus().documents(), "each stored article counted once");

    undeployTagger(); // saves what it counted
    Replays replays = countReplayedArticles();
    TaggerVerticle restarted = restartTagger(replays);
    assertEquals(0, replays.articles().get(), "nothing counted again after the restart");
    assertEquals(3, restarted.model().corpus().documents(), "each saved once");
  }

  @Test
  void theCorpusStatisticsSurviveARestartWithoutReplayingTheStoredArticles() throws Exception {
    deployTagger();
    tag(article("Ketamine", "Ketamine clinic opens in the city centre for depression."));
    tag(article("Spray", "Nasal spray approved for depression in the clinic."));
    tag(article("Trial", "A ketamine trial for anxiety begins in spring."));
    tag(article("Sleep", "Sleep and worry: a study of night-time anxiety in the clinic."));
    undeployTagger();

    Replays replays = countReplayedArticles();
    TaggerVerticle restarted = restartTagger(replays);

    assertEquals(0, replays.articles().get(), "no stored article replayed through the tagger");
    assertSameStatistics(restarted.model());
  }

  @Test
  void articlesStoredButNotYetCountedBeforeACrashAreCountedAtTheNextStart() throws Exception {
    deployTagger();
    tag(article("Ketamine", "Ketamine clinic opens in the city centre for depression."));
    tag(article("Spray", "Nasal spray approved for depression in the clinic."));
    undeployTagger();
    // Stored, but the tagger went down before their counts were saved: above the watermark.
    store(article("Trial", "A ketamine trial for anxiety begins in spring."));
    store(article("Sleep", "Sleep and worry: a study of night-time anxiety in the clinic."));
    store(article("Walk", "Walking in the park eases depression, a clinic reports."));

    Replays replays = countReplayedArticles();
    TaggerVerticle recovered = restartTagger(replays);
    assertEquals(3, replays.articles().get(), "only the articles above the watermark read back");
    assertSameStatistics(recovered.model());

    undeployTagger();
    Replays again = countReplayedArticles();
    TaggerVerticle restarted = restartTagger(again);
    assertEquals(0, again.articles().get(), "the recovered counts were saved, once");
    assertSameStatistics(restarted.model());
  }

  @Test
  void anArticleStoredPastTheTaggerIsCountedFromTheStoreWhileItRuns() throws Exception {
    TaggerVerticle tagger = restartTagger(countReplayedArticles());
    // Stored without the tagger hearing of it (another process, or a reply that never came).
    store(article("Trial", "A ketamine trial for anxiety begins in spring."));
    tag(article("Spray", "Nasal spray approved for depression in the clinic."));

    TestServer.awaitCondition(
        "both articles counted", () -> tagger.model().corpus().documents() == 2);
    assertSameStatistics(tagger.model());

    undeployTagger();
    Replays replays = countReplayedArticles();
    TaggerVerticle restarted = restartTagger(replays);
    assertEquals(0, replays.articles().get(), "both saved while it ran");
    assertSameStatistics(restarted.model());
  }

  /** The model's corpus statistics are those of counting every stored article once. */
  void assertSameStatistics(TopicModel model) {
    TopicModel expected = new TopicModel(taxonomy);
    for (Article a : stored) expected.corpus().add(expected.tagger().terms(a.title(), a.text()));
    assertEquals(stored.size(), model.corpus().documents(), "articles counted");
    for (Article a : stored) {
      for (String stem : expected.tagger().terms(a.title(), a.text()).terms()) {
        assertEquals(
            expected.corpus().idf(stem), model.corpus().idf(stem), "the IDF of '" + stem + "'");
      }
    }
  }
}
