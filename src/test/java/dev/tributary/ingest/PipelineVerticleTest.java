package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.TestServer;
import dev.tributary.article.Article;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.Codecs;
import dev.tributary.bus.IngestGate;
import dev.tributary.bus.IngestGates;
import dev.tributary.cli.IngestCommand;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.store.StoreVerticle;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomySource;
import dev.tributary.topics.TopicTagger;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline workers on a real event bus, over a real store and the tagger's live model. */
@ExtendWith(VertxExtension.class)
class PipelineVerticleTest {
  /** Longer than any wait here: a wait that ends, ends because its condition came true. */
  static final long WAIT_SECONDS = 30;

  @TempDir Path dir;
  Vertx vertx;
  Taxonomy taxonomy;
  TaggerVerticle tagger;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    Codecs.register(vertx);
    taxonomy = TaxonomySource.load(TaxonomySource.DEFAULT_FILE);
    DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
    await(
        vertx.deployVerticle(
            new StoreVerticle(
                () -> SqliteStore.open(dir.resolve("server")), new TributaryMetrics()),
            worker));
    tagger = new TaggerVerticle(taxonomy, TaxonomySource.DEFAULT_FILE);
    await(vertx.deployVerticle(tagger, worker));
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  void deployWorkers(int workers, Supplier<TopicTagger> snapshot) throws Exception {
    await(
        PipelineVerticle.deploy(
            vertx,
            workers,
            new ArticlePipeline(Clock.systemUTC(), snapshot),
            new TributaryMetrics(),
            new IngestGates(List.of(new IngestGate("test", 4, 0)))));
  }

  CompletableFuture<StoredArticle> ingest(RawDocument doc) {
    return vertx
        .eventBus()
        .<StoredArticle>request(Addresses.PIPELINE, doc)
        .map(reply -> reply.body())
        .toCompletionStage()
        .toCompletableFuture();
  }

  static RawDocument text(String name, String title, String body) {
    return RawDocument.of(name, Format.TEXT, title + "\n\n" + body, SourceRef.INBOX);
  }

  @Test
  void aSampleFileIsStoredAlikeByThePipelineWorkersAndByTributaryIngest() throws Exception {
    deployWorkers(2, tagger::tagger);
    Path sample = ArticlePipelineTest.SAMPLE;
    Article viaWorkers =
        ingest(ArticlePipelineTest.sample()).get(WAIT_SECONDS, TimeUnit.SECONDS).article();

    Article viaCli;
    try (SqliteStore cliStore = SqliteStore.open(dir.resolve("cli"))) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      var summary = new IngestCommand(taxonomy, cliStore, 1 << 20, quiet, 2).run(List.of(sample));
      assertEquals(new IngestCommand.Summary(1, 0, 0), summary);
      viaCli = cliStore.get(viaWorkers.id()).orElseThrow();
    }

    assertEquals(withoutClock(viaWorkers), withoutClock(viaCli));
    assertTrue(!viaCli.topics().isEmpty() && !viaCli.tags().isEmpty(), viaCli.toString());
  }

  /** The two runs differ only in when they ran. */
  static Article withoutClock(Article a) {
    return new Article(
        a.id(),
        a.title(),
        a.summary(),
        a.contentHtml(),
        a.text(),
        a.url(),
        a.source(),
        a.author(),
        null,
        null,
        a.topics(),
        a.tags());
  }

  @Test
  void aSecondDocumentIsExtractedTaggedAndStoredWhileTheFirstIsHeldInTagging() throws Exception {
    CountDownLatch firstHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holdNext = new AtomicBoolean(true);
    deployWorkers(
        2,
        () -> {
          if (holdNext.getAndSet(false)) {
            firstHeld.countDown();
            try {
              release.await(WAIT_SECONDS * 2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return tagger.tagger();
        });

    try {
      var first = ingest(text("first.txt", "Ketamine clinic", "A ketamine clinic opens downtown."));
      assertTrue(firstHeld.await(WAIT_SECONDS, TimeUnit.SECONDS), "the first is in tagging");
      var second =
          ingest(text("second.txt", "Nasal spray", "A nasal spray is approved for depression."));

      StoredArticle stored = second.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertTrue(stored.created());
      assertEquals(1, release.getCount(), "stored while the first was still held");
      release.countDown();
      assertTrue(first.get(WAIT_SECONDS, TimeUnit.SECONDS).created());
      TestServer.awaitCondition(
          "both articles counted in the corpus statistics once",
          () -> tagger.model().corpus().documents() == 2);
    } finally {
      release.countDown();
    }
  }
}
