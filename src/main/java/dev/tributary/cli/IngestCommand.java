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
import java.util.stream.Stream;

/**
 * {@code tributary ingest PATH…}: the server's {@link ArticlePipeline} (decode, extract, tag) and
 * store, called directly, with a progress line per file and a summary. Articles are stored in
 * batches of {@link #BATCH} files (fewer when their text reaches {@link #BATCH_CHARS}) through
 * {@link Store#putAll}, one transaction each; the progress lines of a batch are printed, in file
 * order, once it has committed. Files are left where they are.
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
   * Characters of text and HTML held for one batch at most: 200 files near {@code inbox.maxBytes}
   * would not fit a small heap, so large files make smaller batches.
   */
  public static final long BATCH_CHARS = 32L << 20;

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
  private final long batchChars;

  public IngestCommand(Taxonomy taxonomy, Store store, long maxBytes, PrintStream out) {
    this(taxonomy, store, maxBytes, out, BATCH, BATCH_CHARS);
  }

  IngestCommand(
      Taxonomy taxonomy,
      Store store,
      long maxBytes,
      PrintStream out,
      int batchSize,
      long batchChars) {
    this.taxonomy = taxonomy;
    this.store = store;
    this.maxBytes = maxBytes;
    this.out = out;
    this.batchSize = batchSize;
    this.batchChars = batchChars;
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
    List<Pending> pending = new ArrayList<>();
    long chars = 0;
    long done = 0;
    // one folder's listing at a time: a million files in ten folders never hold a million paths
    for (Path path : paths) {
      for (Path file : filesOf(path)) {
        String progress = "[" + ++done + "/" + total + "] " + file + ": ";
        try {
          ArticlePipeline.Tagged tagged = tagged(pipeline, file);
          pending.add(new Pending(progress, tagged, null));
          chars += tagged.article().text().length() + tagged.article().contentHtml().length();
        } catch (ExtractionException | IOException e) {
          pending.add(new Pending(progress, null, e.getMessage()));
        }
        if (pending.size() == batchSize || chars >= batchChars) {
          store(pending, counts, corpus);
          pending.clear();
          chars = 0;
          if (corpus.pending() >= SAVE_EVERY) saveCounts(corpus, counts);
        }
      }
    }
    store(pending, counts, corpus);
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
   * then prints its lines in file order.
   */
  private void store(List<Pending> batch, Counts counts, StoredCorpus corpus) {
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
