package dev.tributary.store.postgres;

import static dev.tributary.store.StoreContract.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.cli.MigrateCommand;
import dev.tributary.sources.DueQuery;
import dev.tributary.sources.Source;
import dev.tributary.store.CorpusDelta;
import dev.tributary.store.CorpusQuery;
import dev.tributary.store.ReaderQuery;
import dev.tributary.store.ReaderScope;
import dev.tributary.store.ReplayQuery;
import dev.tributary.store.StateChange;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoredArticle;
import dev.tributary.store.TimelineQuery;
import dev.tributary.store.TopicExample;
import dev.tributary.store.TopicExamples;
import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.websub.HubSubscription;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary migrate} from a SQLite store into a fresh PostgreSQL database. */
class MigrateCommandIT {
  static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

  @TempDir Path dataDir;
  PostgresTestDatabase database;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  List<StoredArticle> stored = new ArrayList<>();

  @BeforeEach
  void fillSqlite() {
    database = PostgresTestDatabase.create();
    try (SqliteStore sqlite = SqliteStore.open(dataDir)) {
      for (int i = 0; i < 30; i++) {
        String text = "Article number " + i + " about clinics";
        stored.add(sqlite.put(i % 3 == 0 ? article(text, i, "ketamine") : article(text, i)));
      }
      Source source = Source.subscribe("s1", "https://clinic.example/feed.xml", "Clinic", 900, T0);
      sqlite.addSource(source);
      sqlite.claimDueSources(new DueQuery(T0, List.of(), 1, "a:5701", T0.plusSeconds(90)));
      sqlite.saveHubSubscription(
          HubSubscription.request("s1", "https://hub.example/", source.url(), "sec", "tok", T0));
      sqlite.addExamples(
          new TopicExamples(List.of(new TopicExample("ketamine", "Example", "text", null))));
      sqlite.saveCorpus(
          new CorpusDelta(0, 30, 30, List.of(new CorpusDelta.Term("clinic", -42L, 30))));
      sqlite.changeState(new StateChange(List.of(stored.get(3).seq()), true, true));
    }
  }

  @AfterEach
  void drop() {
    if (database != null) database.close();
  }

  void migrate(boolean replace) {
    List<String> args =
        new ArrayList<>(
            List.of("--from", "sqlite:" + dataDir, "--to", "postgres:" + database.uri()));
    if (replace) args.add("--replace");
    try {
      new MigrateCommand(new PrintStream(out, true)).run(MigrateCommand.Options.parse(args));
    } catch (dev.tributary.cli.CommandLine.UsageException e) {
      throw new AssertionError(e);
    }
  }

  PostgresStore target(Vertx vertx) {
    return PostgresStore.owning(PostgresDatabase.connect(vertx, database.uri(), 2));
  }

  @Test
  void copiesEveryTableKeepingSequenceNumbersAndReportsProgressAndCounts() {
    migrate(false);
    String report = out.toString();
    assertTrue(report.contains("articles: 30 / 30"), report);
    assertTrue(report.contains("copied, counts checked: 30 articles, 10 article_topics"), report);

    Vertx vertx = Vertx.vertx();
    try (PostgresStore pg = target(vertx)) {
      List<StoredArticle> copied = pg.storedAfter(new ReplayQuery(0, List.of(), 100)).items();
      assertEquals(
          stored.stream().map(StoredArticle::seq).toList(),
          copied.stream().map(StoredArticle::seq).toList());
      assertEquals(stored.get(3).article().topics(), copied.get(3).article().topics());
      assertEquals(30, pg.timeline(TimelineQuery.newest(50)).items().size());
      assertEquals("tok", pg.hubSubscription("s1").orElseThrow().callbackToken());
      assertEquals("Example", pg.examples().items().get(0).title());
      assertEquals("a:5701", pg.source("s1").orElseThrow().polledBy());
      assertEquals(
          List.of(),
          pg.claimDueSources(new DueQuery(T0, List.of(), 1, "b:5701", T0.plusSeconds(90))).items(),
          "the lease taken on SQLite holds on PostgreSQL");
      var corpus = pg.corpusTerms(new CorpusQuery(CorpusQuery.FIRST, 10));
      assertEquals(30, corpus.countedThrough());
      assertEquals(-42L, corpus.hashes()[0]);
      ReaderQuery starred =
          new ReaderQuery(ReaderScope.ALL, null, true, null, null, false, 0, 10, false);
      assertEquals(stored.get(3).seq(), pg.readerPage(starred).items().get(0).seq());
      assertEquals(29, pg.unreadCounts().total().count(), "the reader state is copied");
      long next = pg.put(article("Written after the copy", 99)).seq();
      assertTrue(next > stored.get(29).seq(), "new articles continue after the copied seqs");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void refusesATargetHoldingDataUnlessToldToReplaceIt() {
    migrate(false);
    StoreException refused = assertThrows(StoreException.class, () -> migrate(false));
    assertTrue(
        refused.getMessage().contains("not empty (30 articles, 1 sources"), refused.getMessage());
    migrate(true);
    assertTrue(
        out.toString()
            .endsWith(
                "copied, counts checked: 30 articles, 10 article_topics, 1 topic_examples, 1 sources, 1 hub_subscriptions, 0 story_bands, 1 corpus_terms, 1 corpus_state, 29 reader_unread, 1 reader_starred\n"),
        out.toString());
  }

  @Test
  void aCountMismatchFailsLoudlyAndLeavesTheTargetAsItWas() {
    Vertx vertx = Vertx.vertx();
    try (PostgresStore pg = target(vertx)) {
      // a target that silently drops one row, as a broken copy would
      database.execute(
          "CREATE FUNCTION drop_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.article_seq = 7 THEN RETURN NULL; END IF; RETURN NEW; END $$;"
              + " CREATE TRIGGER drop_one BEFORE INSERT ON reader_unread FOR EACH ROW EXECUTE FUNCTION drop_one()");
      StoreException failed = assertThrows(StoreException.class, () -> migrate(false));
      assertTrue(
          failed
              .getMessage()
              .contains(
                  "counts differ, nothing was copied: reader_unread 29 in the source, 28 copied"),
          failed.getMessage());
      assertEquals(0, pg.count());
      assertTrue(pg.sources().items().isEmpty());
    } finally {
      vertx.close().await();
    }
  }
}
