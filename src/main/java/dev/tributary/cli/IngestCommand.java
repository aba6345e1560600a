package dev.tributary.cli;

import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.InboxFolder;
import dev.tributary.ingest.StoredCorpus;
import dev.tributary.store.PutRequest;
import dev.tributary.store.PutResult;
import dev.tributary.store.Store;
import dev.tributary.store.StoreException;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.Taxonomy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code tributary ingest PATH…}: the server's {@link ArticlePipeline} (decode, extract, tag) and
 * store, called directly, with a progress line per file and a summary. Files are read and tagged on
 * {@code pipeline.workers} threads, like the server's pipeline; articles are stored in batches of
 * {@link #BATCH} files (fewer when the files reach {@link #BATCH_BYTES}) through {@link
 * Store#putBatch}, one transaction each, while the workers tag the next batch (so at most two
 * batches are held); the progress lines of a batch are printed, in file order, once it has
 * committed. Files are left where they are.
 *
 * <p>Tagging uses the model a server would have ({@link StoredCorpus}): the stored examples and
 * corpus statistics. Each new article is counted into the statistics, and the counts are saved with
 * the new watermark every {@link #SAVE_EVERY} articles and at the end, so that a server started
 * afterwards reads them and counts nothing again.
 */
public final class IngestCommand {
  /** Articles per transaction: one fsync per batch rather than per article. */
  public static final int BATCH = 200;

  /**
   * Bytes of files in one batch at most: 200 files near {@code inbox.maxBytes} would not fit a
   * small heap twice (a batch stored, the next tagged), so large files make smaller batches.
   */
  public static final long BATCH_BYTES = 16L << 20;

  /**
   * Counted articles whose counts are saved together: a few batches' stems coalesce into one upsert
   * each, and at most this many articles' terms wait in memory (and are counted again by the next
   * server after a crash).
   */
  static final int SAVE_EVERY = 1000;

  /** What a run did. */
  public record Summary(int ingested, int duplicates, int failed) {}

  private final Taxonomy taxonomy;
  private final Store store;
  private final long maxBytes;
  private final PrintStream out;
  private final int batchSize;
  private final long batchBytes;
  private final int workers;

  /**
   * @param workers threads that read and tag files ({@code pipeline.workers})
   */
  public IngestCommand(
      Taxonomy taxonomy, Store store, long maxBytes, PrintStream out, int workers) {
    this(taxonomy, store, maxBytes, out, BATCH, BATCH_BYTES, workers);
  }

  IngestCommand(
      Taxonomy taxonomy,
      Store store,
      long maxBytes,
      PrintStream out,
      int batchSize,
      long batchBytes,
      int workers) {
    this.taxonomy = taxonomy;
    this.store = store;
    this.maxBytes = maxBytes;
    this.out = out;
    this.batchSize = batchSize;
    this.batchBytes = batchBytes;
    this.workers = Math.max(1, workers);
  }

  /**
   * One file of a batch: its progress prefix and its tagged article, or why it could not be read.
   */
  private record Pending(String progress, ArticlePipeline.Tagged tagged, String failure) {}

  public Summary run(List<Path> paths) throws IOException {
    long total = 0;
    for (Path path : paths) total += filesOf(path).size();
    StoredCorpus corpus = StoredCorpus.load(store, taxonomy);
    ArticlePipeline pipeline = ArticlePipeline.over(corpus.model().tagger());
    Counts counts = new Counts();
    ExecutorService pool = Executors.newFixedThreadPool(workers, IngestCommand::worker);
    try {
      List<Future<Pending>> tagging = null; // the batch the workers tag while the last is stored
      List<Path> batch = new ArrayList<>();
      long bytes = 0;
      long done = 0;
      // one folder's listing at a time: a million files in ten folders never hold a million paths
      for (Path path : paths) {
        for (Path file : filesOf(path)) {
          batch.add(file);
          bytes += sizeOf(file);
          if (batch.size() == batchSize || bytes >= batchBytes) {
            var next = submit(pool, pipeline, batch, done, total);
            done += batch.size();
            if (tagging != null) store(collect(tagging), counts, corpus);
            tagging = next;
            batch = new ArrayList<>();
            bytes = 0;
          }
        }
      }
      var last = submit(pool, pipeline, batch, done, total);
      if (tagging != null) store(collect(tagging), counts, corpus);
      store(collect(last), counts, corpus);
    } finally {
      pool.shutdownNow();
    }
    saveCounts(corpus, counts);
    out.println(
        "ingested "
            + counts.ingested
            + ", duplicates "
            + counts.duplicates
            + ", failed "
            + counts.failed);
    return new Summary(counts.ingested, counts.duplicates, counts.failed);
  }

  private static Thread worker(Runnable work) {
    Thread t = new Thread(work, "tributary-ingest");
    t.setDaemon(true);
    return t;
  }

  /** Starts reading and tagging a batch of files, numbered from {@code done + 1}. */
  private List<Future<Pending>> submit(
      ExecutorService pool, ArticlePipeline pipeline, List<Path> files, long done, long total) {
    List<Future<Pending>> tagged = new ArrayList<>(files.size());
    long n = done;
    for (Path file : files) {
      String progress = "[" + ++n + "/" + total + "] " + file + ": ";
      tagged.add(pool.submit(() -> pending(pipeline, file, progress)));
    }
    return tagged;
  }

  private Pending pending(ArticlePipeline pipeline, Path file, String progress) {
    try {
      return new Pending(progress, tagged(pipeline, file), null);
    } catch (ExtractionException | IOException | ArticlePipeline.StageFailure e) {
      return new Pending(progress, null, e.getMessage());
    }
  }

  /** The batch's files in order, once each is tagged. */
  private static List<Pending> collect(List<Future<Pending>> tagged) {
    List<Pending> batch = new ArrayList<>(tagged.size());
    for (Future<Pending> f : tagged) {
      try {
        batch.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while tagging", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("tagging failed: " + e.getCause(), e.getCause());
      }
    }
    return batch;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // reading it fails too, and says why
    }
  }

  private static final class Counts {
    int ingested;
    int duplicates;
    int failed;
    boolean countsRefused;
  }

  /**
   * Saves the counted articles' corpus counts. When the store refuses them (another process moved
   * the watermark meanwhile) the run goes on without saving: the articles are stored, and the next
   * server start counts them from the store.
   */
  private void saveCounts(StoredCorpus corpus, Counts counts) {
    if (counts.countsRefused) return;
    try {
      corpus.save();
    } catch (StoreException e) {
      counts.countsRefused = true;
      out.println(
          "corpus statistics not saved ("
              + e.getMessage()
              + "): the next server start counts these articles");
    }
  }

  /**
   * Stores the batch's articles in one transaction, counts the new ones into the corpus statistics,
   * then prints its lines in file order; saves the counts when enough wait.
   */
  private void store(List<Pending> batch, Counts counts, StoredCorpus corpus) {
    storeBatch(batch, counts, corpus);
    if (corpus.pending() >= SAVE_EVERY) saveCounts(corpus, counts);
  }

  private void storeBatch(List<Pending> batch, Counts counts, StoredCorpus corpus) {
    List<PutRequest> articles =
        batch.stream()
            .map(Pending::tagged)
            .filter(Objects::nonNull)
            .map(ArticlePipeline.Tagged::toStore)
            .toList();
    List<PutResult> answers = articles.isEmpty() ? List.of() : store.putBatch(articles);
    Iterator<PutResult> results = answers.iterator();
    for (Pending p : batch) {
      if (p.tagged() == null) {
        counts.failed++;
        out.println(p.progress() + "failed: " + p.failure());
        continue;
      }
      PutResult result = results.next();
      if (result.isFailed()) {
        counts.failed++;
        out.println(p.progress() + "failed: " + result.failure());
        continue;
      }
      StoredArticle stored = result.stored();
      if (stored.created()) {
        counts.ingested++;
        corpus.countStored(stored.seq(), p.tagged().terms());
      } else {
        counts.duplicates++;
      }
      out.println(
          p.progress()
              + (stored.created() ? "ingested " : "duplicate of ")
              + stored.article().id()
              + " \""
              + stored.article().title()
              + "\"");
    }
  }

  private ArticlePipeline.Tagged tagged(ArticlePipeline pipeline, Path file)
      throws ExtractionException, IOException {
    String name = file.getFileName().toString();
    Format format =
        Format.fromFileName(name)
            .orElseThrow(
                () ->
                    new ExtractionException(
                        "unsupported file type: expected .txt, .md, .markdown, .html or .htm"));
    if (Files.size(file) > maxBytes) {
      throw new ExtractionException("file is over inbox.maxBytes (" + maxBytes + ")");
    }
    RawDocument doc =
        ArticlePipeline.decode(name, format, Files.readAllBytes(file), maxBytes, SourceRef.INBOX);
    return pipeline.process(doc);
  }

  /** The file itself, or a folder's candidate files in name order. */
  private static List<Path> filesOf(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = Files.list(path)) {
        return listing.filter(InboxFolder::isCandidate).sorted().toList();
      }
    }
    if (Files.exists(path)) return List.of(path);
    throw new IOException("no such file or folder: " + path);
  }
}
