package dev.tributary.cli;

import dev.tributary.article.SourceRef;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticlePipeline;
import dev.tributary.ingest.Format;
import dev.tributary.ingest.InboxFolder;
import dev.tributary.ingest.RawDocument;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.TopicTagger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tributary ingest PATH…}: the server's {@link ArticlePipeline} (decode, extract, tag) and
 * store, called directly, with a progress line per file and a summary. Files are left where they
 * are.
 */
public final class IngestCommand {
  /** What a run did. */
  public record Summary(int ingested, int duplicates, int failed) {}

  private final ArticlePipeline pipeline;
  private final Store store;
  private final long maxBytes;
  private final PrintStream out;

  public IngestCommand(TopicTagger tagger, Store store, long maxBytes, PrintStream out) {
    this.pipeline = ArticlePipeline.over(tagger);
    this.store = store;
    this.maxBytes = maxBytes;
    this.out = out;
  }

  public Summary run(List<Path> paths) throws IOException {
    List<Path> files = expand(paths);
    int ingested = 0;
    int duplicates = 0;
    int failed = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      String progress = "[" + (i + 1) + "/" + files.size() + "] " + file + ": ";
      try {
        StoredArticle stored = ingest(file);
        if (stored.created()) ingested++;
        else duplicates++;
        out.println(
            progress
                + (stored.created() ? "ingested " : "duplicate of ")
                + stored.article().id()
                + " \""
                + stored.article().title()
                + "\"");
      } catch (ExtractionException | IOException e) {
        failed++;
        out.println(progress + "failed: " + e.getMessage());
      }
    }
    out.println("ingested " + ingested + ", duplicates " + duplicates + ", failed " + failed);
    return new Summary(ingested, duplicates, failed);
  }

  private StoredArticle ingest(Path file) throws ExtractionException, IOException {
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
    return store.put(pipeline.process(doc).article());
  }

  private static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> listing = Files.list(path)) {
          listing.filter(InboxFolder::isCandidate).sorted().forEach(files::add);
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new IOException("no such file or folder: " + path);
      }
    }
    return files;
  }
}
