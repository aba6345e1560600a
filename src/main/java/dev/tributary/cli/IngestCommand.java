package dev.tributary.cli;

import dev.tributary.article.Article;
import dev.tributary.article.SourceRef;
import dev.tributary.extract.ArticleExtractor;
import dev.tributary.extract.ExtractionException;
import dev.tributary.ingest.ArticleAssembler;
import dev.tributary.ingest.BodyDecoder;
import dev.tributary.ingest.Format;
import dev.tributary.ingest.InboxFolder;
import dev.tributary.ingest.RawDocument;
import dev.tributary.store.Store;
import dev.tributary.store.StoredArticle;
import dev.tributary.topics.Keyphrases;
import dev.tributary.topics.TopicTagger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tributary ingest PATH…}: the same extract → tag → store steps as the server, called
 * directly, with a progress line per file and a summary. Files are left where they are.
 */
public final class IngestCommand {
  /** What a run did. */
  public record Summary(int ingested, int duplicates, int failed) {}

  private final ArticleExtractor extractor = new ArticleExtractor();
  private final ArticleAssembler assembler = new ArticleAssembler(Clock.systemUTC());
  private final TopicTagger tagger;
  private final Store store;
  private final long maxBytes;
  private final PrintStream out;

  public IngestCommand(TopicTagger tagger, Store store, long maxBytes, PrintStream out) {
    this.tagger = tagger;
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
    String body = BodyDecoder.decode(Files.readAllBytes(file), maxBytes);
    RawDocument doc = RawDocument.of(name, format, body, SourceRef.INBOX);
    Article draft = assembler.assemble(doc, extractor.extract(format, body, null));
    var tagging = tagger.tagging(draft.title(), draft.text(), Keyphrases.PER_ARTICLE);
    return store.put(
        draft
            .withTopics(tagging.topics())
            .withTags(Keyphrases.mergeInto(draft.tags(), tagging.keyphrases())));
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
